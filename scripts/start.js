#!/usr/bin/env node
// `npm start`: where Excel desktop exists (Windows/macOS), sideload the add-in as Yo Office
// projects do; on Linux (no Excel) build and open the local playground on the fake Excel host.
"use strict";
const { spawnSync, spawn } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status || 1);
}

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

if (process.platform === "win32" || process.platform === "darwin") {
  run(npm, ["run", "build:dev"]);
  // office-addin-debugging installs dev certificates, starts the dev server and sideloads.
  run(npx, ["--yes", "office-addin-debugging", "start", "manifest.xml", "desktop", "--app", "excel"]);
} else {
  const built = path.join(root, "dist", "playground.html");
  const stale = !fs.existsSync(built) || fs.statSync(built).mtimeMs < newest(path.join(root, "src"));
  if (stale) run(npm, ["run", "build:addin"]);
  const server = path.join(root, "scripts", "playground-server.js");
  if (!fs.existsSync(server)) {
    console.error("Playground belum tersedia di versi ini.");
    process.exit(1);
  }
  const child = spawn(process.execPath, [server], { cwd: root, stdio: "inherit" });
  child.on("exit", (code) => process.exit(code ?? 0));
}
