#!/usr/bin/env node
// Writes the ribbon/add-in icons (assets/icon-{16,32,64,80,128}.png) with Node only: three
// rising bars in Excel green with a white tick, drawn on a transparent square.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const GREEN = [16, 124, 65, 255];
const DARK = [11, 84, 44, 255];
const WHITE = [255, 255, 255, 255];

function draw(size) {
  const px = new Uint8Array(size * size * 4);
  const set = (x, y, c) => {
    if (x < 0 || y < 0 || x >= size || y >= size) return;
    px.set(c, (y * size + x) * 4);
  };
  const rect = (x0, y0, x1, y1, c) => {
    for (let y = Math.round(y0 * size); y < Math.round(y1 * size); y++)
      for (let x = Math.round(x0 * size); x < Math.round(x1 * size); x++) set(x, y, c);
  };
  rect(0.08, 0.55, 0.3, 0.92, GREEN);
  rect(0.39, 0.35, 0.61, 0.92, GREEN);
  rect(0.7, 0.12, 0.92, 0.92, DARK);
  // tick across the bars
  const w = Math.max(1, Math.round(size / 14));
  const line = (ax, ay, bx, by) => {
    const steps = size * 2;
    for (let i = 0; i <= steps; i++) {
      const x = (ax + ((bx - ax) * i) / steps) * size;
      const y = (ay + ((by - ay) * i) / steps) * size;
      for (let dx = -w; dx <= w; dx++) for (let dy = -w; dy <= w; dy++) set(Math.round(x + dx), Math.round(y + dy), WHITE);
    }
  };
  line(0.2, 0.62, 0.4, 0.8);
  line(0.4, 0.8, 0.82, 0.3);
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
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) Buffer.from(px.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

for (const size of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(__dirname, "..", "assets", `icon-${size}.png`), draw(size));
console.log("ikon dibuat di assets/");
