// Not a test: a report of how the engine (src/engine.ts) fares on the fixture expectations.
// Run: npx ts-node --transpile-only test/oracle/engine-vs-fixtures.ts
// A cell the engine does not write keeps its stated value (percent cells read in points).
import * as os from "os";
import * as path from "path";
import * as fs from "fs";
import { writeFixtures, loadFixtureSpecs, toCellSpec } from "../support/fixtures";
import { readWorkbook } from "../../src/io/files";
import { analyseAll } from "../../src/engine";
const col = (a: string) => {
  let n = 0;
  for (const ch of a) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
};
(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-fixtures-eval-"));
  const files = await writeFixtures(dir);
  const specs = loadFixtureSpecs();
  for (let i = 0; i < files.length; i++) {
    const wb = await readWorkbook(files[i]);
    const res = await analyseAll(wb.sheets);
    for (const sh of specs[i].sheets) {
      const r = res.find((x) => x.sheet === sh.name)!;
      const writes = new Map(
        (r.plan?.writes ?? []).map((w: { cell: string; value: unknown }) => [w.cell, w.value])
      );
      const val = (a1: string) => {
        if (writes.has(a1)) return writes.get(a1);
        const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
        const cs = toCellSpec(sh.rows[+m[2] - 1]?.[col(m[1])] ?? null);
        if (!cs) return null;
        if (cs.err) return cs.err;
        let v = cs.v;
        if (typeof v === "number" && cs.fmt && /%/.test(cs.fmt) && !/"/.test(cs.fmt)) v = v * 100;
        return v;
      };
      const near = (a: unknown, b: unknown) =>
        a === b || (typeof a === "number" && typeof b === "number" && Math.abs(a - b) < 0.006);
      const bad: string[] = [];
      for (const [a1, exp] of Object.entries(sh.expected.computed)) {
        const g = val(a1);
        if (!(exp === null ? g === null || g === "" : near(g, exp))) bad.push(`${a1}:${exp}→${g}`);
      }
      for (const [a1, list] of Object.entries(sh.expected.acceptable ?? {})) {
        const g = val(a1);
        if (!list.some((v) => near(v, g))) bad.push(`${a1}:[${list}]→${g}`);
      }
      for (const [a1, list] of Object.entries(sh.expected.never ?? {})) {
        const g = val(a1);
        if (list.some((v) => near(v, g))) bad.push(`NEVER ${a1}=${g}`);
      }
      const iss = new Set(r.analysis.issues.map((x) => `${x.cell}|${x.rule}`));
      const missIss = sh.expected.issues
        .filter((x) => !iss.has(`${x.cell}|${x.rule}`))
        .map((x) => `${x.cell}|${x.rule}`);
      const errRows = new Set(
        r.analysis.issues.filter((x) => x.severity === "error").map((x) => x.row + 1)
      );
      const dirty = (sh.expected.cleanRows ?? []).filter((x) => errRows.has(x));
      console.log(
        `${sh.name}: bad ${bad.length}: ${bad.join(" ")} | missing issues: ${missIss.join(" ")} | clean rows with errors: ${dirty
          .map(
            (d) =>
              d +
              ":" +
              r.analysis.issues
                .filter((x) => x.row + 1 === d && x.severity === "error")
                .map((x) => x.cell + "|" + x.rule)
                .join(",")
          )
          .join(" ")}`
      );
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
})();
