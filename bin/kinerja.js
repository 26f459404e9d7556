#!/usr/bin/env node
// Entry point of the `kinerja` command; the compiled CLI lives in build/ (npm run build).
"use strict";
let main;
try {
  main = require("../build/cli/main.js").main;
} catch (e) {
  process.stderr.write("kinerja: program belum dibangun. Jalankan `npm run build` terlebih dahulu.\n");
  process.exit(2);
}
// Set the exit code and let Node end on its own: process.exit() would cut output still queued for a
// pipe (`kinerja periksa --json | jq` stopped at 64 KiB).
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
