#!/usr/bin/env node
// `npm start`: where Excel desktop exists (Windows/macOS), sideload the add-in as Yo Office
// projects do; on Linux (no Excel) build if needed and open the local playground on the fake
// Excel host. `node scripts/start.js stop` ends the sideloading session.
"use strict";
const { spawnSync, spawn } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const win = process.platform === "win32";
const npm = win ? "npm.cmd" : "npm";
const npx = win ? "npx.cmd" : "npx";
const desktop = win || process.platform === "darwin";

function run(cmd, args) {
  // shell on Windows: .cmd shims cannot be spawned directly since Node 20.12.
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", shell: win });
  if (r.status !== 0) {
    console.error(`Perintah gagal: ${cmd} ${args.join(" ")}`);
    process.exit(r.status || 1);
  }
}

/** Newest modification time under `dir` (ms). */
function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** dist/ is missing or older than the sources, the manifest or the webpack config. */
function stale() {
  const built = path.join(root, "dist-playground", "taskpane.html");
  if (
    !fs.existsSync(built) ||
    !fs.existsSync(path.join(root, "dist-playground", "playground.html"))
  )
    return true;
  const inputs = Math.max(
    newest(path.join(root, "src")),
    newest(path.join(root, "dev")),
    newest(path.join(root, "assets")),
    ...["manifest.xml", "webpack.config.js"].map((f) => fs.statSync(path.join(root, f)).mtimeMs)
  );
  return fs.statSync(built).mtimeMs < inputs;
}

const stop = process.argv[2] === "stop";

if (desktop) {
  // office-addin-debugging (fetched on demand by npx) starts `npm run dev-server`, sideloads
  // manifest.xml into Excel desktop and opens it; the dev server needs trusted certificates.
  if (stop) run(npx, ["--yes", "office-addin-debugging", "stop", "manifest.xml"]);
  else {
    run(npx, ["--yes", "office-addin-dev-certs", "install"]);
    run(npm, ["run", "build:dev"]);
    run(npx, [
      "--yes",
      "office-addin-debugging",
      "start",
      "manifest.xml",
      "desktop",
      "--app",
      "excel",
    ]);
  }
} else if (stop) {
  console.log("Tidak ada yang perlu dihentikan: playground berhenti dengan Ctrl+C.");
} else {
  console.log("Excel desktop tidak tersedia di Linux: membuka playground Kinerja di peramban.");
  if (stale()) run(npm, ["run", "build:playground"]);
  const server = path.join(root, "scripts", "playground-server.js");
  if (!fs.existsSync(server)) {
    console.error(
      "Playground belum tersedia di versi ini (scripts/playground-server.js tidak ada)."
    );
    process.exit(1);
  }
  // The server prints its URL (http://127.0.0.1:PORT/playground.html).
  const child = spawn(process.execPath, [server], { cwd: root, stdio: "inherit" });
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
  child.on("exit", (code) => process.exit(code ?? 0));
}
