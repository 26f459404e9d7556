#!/usr/bin/env node
// Writes the ribbon/add-in icons (assets/icon-{16,32,64,80,128}.png) with Node only: a rounded
// Excel-green tile with three rising white bars and a white check mark. Shapes are sampled 8×8
// per pixel so small sizes stay smooth. Run after changing the drawing; the PNGs are committed.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const GREEN = [16, 124, 65]; // Excel brand green #107C41
const WHITE = [255, 255, 255];
const SUB = 8;

// Shapes in unit coordinates (0..1, y down).
function inTile(x, y) {
  const r = 0.2;
  const lo = 0.02;
  const hi = 0.98;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + r), hi - r);
  const cy = Math.min(Math.max(y, lo + r), hi - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

const BARS = [
  [0.42, 0.53, 0.6],
  [0.59, 0.7, 0.42],
  [0.76, 0.87, 0.2],
]; // [x0, x1, top]; all end at y = 0.84

function inBar(x, y) {
  return BARS.some(([x0, x1, top]) => x >= x0 && x <= x1 && y >= top && y <= 0.84);
}

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const CHECK = [
  [0.14, 0.5],
  [0.24, 0.62],
  [0.37, 0.3],
];

function inCheck(x, y) {
  return (
    distToSegment(x, y, CHECK[0], CHECK[1]) <= 0.045 ||
    distToSegment(x, y, CHECK[1], CHECK[2]) <= 0.045
  );
}

function draw(size) {
  const px = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let tile = 0;
      let white = 0;
      for (let sy = 0; sy < SUB; sy++)
        for (let sx = 0; sx < SUB; sx++) {
          const ux = (x + (sx + 0.5) / SUB) / size;
          const uy = (y + (sy + 0.5) / SUB) / size;
          if (!inTile(ux, uy)) continue;
          tile++;
          if (inBar(ux, uy) || inCheck(ux, uy)) white++;
        }
      const n = SUB * SUB;
      const alpha = tile / n;
      const w = tile ? white / tile : 0;
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) px[i + c] = Math.round(GREEN[c] * (1 - w) + WHITE[c] * w);
      px[i + 3] = Math.round(alpha * 255);
    }
  return png(size, px);
}

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, px) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1)); // filter byte 0 per row
  for (let y = 0; y < size; y++)
    px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

module.exports = { draw };

if (require.main === module) {
  const dir = path.join(__dirname, "..", "assets");
  fs.mkdirSync(dir, { recursive: true });
  for (const size of [16, 32, 64, 80, 128])
    fs.writeFileSync(path.join(dir, `icon-${size}.png`), draw(size));
  console.log("Ikon dibuat di assets/ (16, 32, 64, 80, 128 px).");
}
