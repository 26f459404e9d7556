#!/usr/bin/env node
// The browser tests need Debian's Chromium and the formula oracle needs LibreOffice Calc.
// On a fresh Debian machine where we are root, install them (the only downloads are Debian
// packages); elsewhere say exactly what is missing.
"use strict";
const { execSync } = require("child_process");
const fs = require("fs");

const needs = [
  { bin: "/usr/bin/chromium", pkg: "chromium" },
  { bin: "/usr/bin/soffice", pkg: "libreoffice-calc-nogui" },
  { bin: "/usr/bin/xmllint", pkg: "libxml2-utils" },
];
const missing = needs.filter((n) => !fs.existsSync(n.bin));
if (missing.length === 0) process.exit(0);

const pkgs = missing.map((m) => m.pkg).join(" ");
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (isRoot && fs.existsSync("/usr/bin/apt-get")) {
  console.log(`Memasang paket sistem untuk pengujian: ${pkgs}`);
  execSync(`apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q ${pkgs}`, {
    stdio: "inherit",
  });
  process.exit(0);
}
console.error(
  `Pengujian memerlukan paket sistem: ${pkgs}\nPasang dengan: sudo apt-get install -y ${pkgs}`
);
process.exit(1);
