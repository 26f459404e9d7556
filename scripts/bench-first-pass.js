// Child process of `npm run bench`: one pass in a fresh Node process over a grid saved as JSON
// (parsing it is not timed), with the built engine (build/, `npm run build`): what the first
// click on a big sheet costs while the JIT is still cold.
// `node bench-first-pass.js engine|bare GRID.json` prints the milliseconds.
"use strict";
const fs = require("fs");
const path = require("path");

const build = path.resolve(__dirname, "..", "build");
const [mode, file] = process.argv.slice(2);
const grid = JSON.parse(fs.readFileSync(file, "utf8"));

(async () => {
  if (mode === "bare") {
    const { readNumber } = require(path.join(build, "core", "numbers.js"));
    const t0 = performance.now();
    let n = 0;
    for (const row of grid.cells)
      for (const c of row)
        if (readNumber(c.value, { numberFormat: c.numberFormat }).kind === "number") n++;
    process.stdout.write(`${(performance.now() - t0).toFixed(1)} ${n}\n`);
    return;
  }
  const E = require(path.join(build, "engine.js"));
  const t0 = performance.now();
  const rec = E.recognise(grid);
  await E.validate(grid, rec, E.DEFAULT_SETTINGS);
  E.planFill(grid, rec, E.DEFAULT_SETTINGS);
  process.stdout.write(`${(performance.now() - t0).toFixed(1)}\n`);
})().catch((e) => {
  process.stderr.write(String(e && e.stack) + "\n");
  process.exitCode = 1;
});
