// Child process of `npm run bench`: ExcelJS alone on the same files, the floor the CLI used to
// sit on. `node bench-exceljs.js read|readwrite OUTDIR FILE...`
"use strict";
const path = require("path");
const ExcelJS = require("exceljs");

(async () => {
  const [mode, outDir, ...files] = process.argv.slice(2);
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    if (mode === "readwrite") await wb.xlsx.writeFile(path.join(outDir, path.basename(f)));
  }
})().catch((e) => {
  process.stderr.write(String(e && e.stack) + "\n");
  process.exitCode = 1;
});
