// The .xlsx figures of `npm run bench`: `kinerja isi` and `kinerja periksa` (the built binary, one
// process for all files) against ExcelJS bare read + write and read alone on the same files, with
// peak memory from /usr/bin/time; and, in this process, how the time of the commands splits into
// the IO layer (src/io/ooxml) and the engine.
// Files: the generated Mojokerto workbook (002) with its E.81 grown to 300 data rows, ×100;
// and one with a 20,000-row E.81.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { buildWorkbook, loadFixtureSpecs } from "../test/support/fixtures";
import type { FixtureSpec, RawCell, SheetSpec } from "../test/support/fixtures";
import { readGrids, patch } from "../src/io/ooxml";
import { recognise, validate, planFill, DEFAULT_SETTINGS } from "../src/engine";
import { parseRange, a1 } from "../src/model/grid";
import { codec } from "../src/io/files";

const root = path.resolve(__dirname, "..");
const bin = path.join(root, "bin", "kinerja.js");

/** The Mojokerto fixture with its E.81 data block repeated to `rows` data rows. */
export function grownMojokerto(rows: number): FixtureSpec {
  const spec = loadFixtureSpecs().find((s) => s.file === "002-mojokerto.xlsx")!;
  const e81 = spec.sheets.find((s) => s.name === "E81")!;
  const [first, last] = e81.expected.dataRows!; // 1-based
  const block = e81.rows.slice(first - 1, last);
  const grown: RawCell[][] = e81.rows.slice(0, first - 1);
  const merges: string[] = [];
  const inBlock = (m: string) => parseRange(m).top >= first - 1 && parseRange(m).bottom <= last - 1;
  for (const m of e81.merges) if (!inBlock(m)) merges.push(m);
  for (let copy = 0; grown.length - (first - 1) < rows; copy++) {
    const shift = copy * block.length;
    for (const r of block) {
      if (grown.length - (first - 1) >= rows) break;
      grown.push(r);
    }
    for (const m of e81.merges.filter(inBlock)) {
      const a = parseRange(m);
      if (a.bottom + shift - (first - 1) < rows)
        merges.push(`${a1(a.top + shift, a.left)}:${a1(a.bottom + shift, a.right)}`);
    }
  }
  grown.push(...e81.rows.slice(last));
  const sheet: SheetSpec = { ...e81, rows: grown, merges };
  return {
    ...spec,
    file: `mojokerto-e81-${rows}.xlsx`,
    sheets: spec.sheets.map((s) => (s === e81 ? sheet : s)),
  };
}

async function write(spec: FixtureSpec, file: string): Promise<void> {
  await buildWorkbook(spec).xlsx.writeFile(file);
}

interface Run {
  ms: number;
  peakMB: number;
}

/** Wall time and peak RSS of a child process (median of `runs`). */
function timed(cmd: string, args: string[], runs: number): Run {
  const out: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const res = spawnSync("/usr/bin/time", ["-f", "@@%e %M", cmd, ...args], {
      stdio: ["ignore", "ignore", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
    const m = /@@([\d.]+) (\d+)/.exec(res.stderr.toString());
    if (!m)
      throw new Error(
        `${cmd} ${args.slice(0, 2).join(" ")}: ${res.stderr.toString().slice(0, 500)}`
      );
    out.push({ ms: Math.round(Number(m[1]) * 1000), peakMB: Math.round(Number(m[2]) / 1024) });
  }
  out.sort((a, b) => a.ms - b.ms);
  return out[Math.floor(out.length / 2)];
}

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** In-process split of isi / periksa into the IO layer and the engine, summed over the files. */
async function split(files: string[]): Promise<Record<string, number>> {
  const t = { read: 0, fillEngine: 0, patchWrite: 0, checkEngine: 0 };
  for (const f of files) {
    let t0 = process.hrtime.bigint();
    const bytes = new Uint8Array(fs.readFileSync(f));
    const { sheets } = readGrids(bytes, { codec });
    t.read += ms(t0);
    t0 = process.hrtime.bigint();
    const plans = [];
    for (const g of sheets) {
      const rec = recognise(g);
      if (rec.layout)
        plans.push({ sheetName: g.name, writes: planFill(g, rec, DEFAULT_SETTINGS).writes });
    }
    t.fillEngine += ms(t0);
    t0 = process.hrtime.bigint();
    fs.writeFileSync(f + ".out", patch(bytes, plans, [], { codec }));
    t.patchWrite += ms(t0);
    fs.rmSync(f + ".out");
    t0 = process.hrtime.bigint();
    for (const g of sheets) await validate(g, recognise(g), DEFAULT_SETTINGS);
    t.checkEngine += ms(t0);
  }
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)]));
}

export async function ioBench(
  dir: string,
  runs: number
): Promise<{ figures: Record<string, number>; lines: string[] }> {
  const figures: Record<string, number> = {};
  const lines: string[] = [];
  const batchDir = path.join(dir, "batch");
  fs.mkdirSync(batchDir, { recursive: true });
  const one = path.join(batchDir, "mojokerto-300-0.xlsx");
  await write(grownMojokerto(300), one);
  const batch = [one];
  for (let i = 1; i < 100; i++) {
    const f = path.join(batchDir, `mojokerto-300-${i}.xlsx`);
    fs.copyFileSync(one, f);
    batch.push(f);
  }
  const big = path.join(dir, "mojokerto-20000.xlsx");
  await write(grownMojokerto(20000), big);
  const node = process.execPath;
  const exceljs = path.join(__dirname, "bench-exceljs.js");
  for (const [label, files] of [
    ["100x300", batch],
    ["1x20000", [big]],
  ] as const) {
    const out = path.join(dir, `out-${label}`);
    fs.mkdirSync(out, { recursive: true });
    const isi = timed(node, [bin, "isi", ...files, "-o", out], runs);
    const periksa = timed(node, [bin, "periksa", ...files, "--json"], runs);
    const rw = timed(node, [exceljs, "readwrite", out, ...files], Math.max(1, Math.min(runs, 3)));
    const rd = timed(node, [exceljs, "read", out, ...files], Math.max(1, Math.min(runs, 3)));
    const s = await split(files as string[]);
    Object.assign(figures, {
      [`isi_ms_${label}`]: isi.ms,
      [`isi_peak_mb_${label}`]: isi.peakMB,
      [`periksa_ms_${label}`]: periksa.ms,
      [`periksa_peak_mb_${label}`]: periksa.peakMB,
      [`exceljs_readwrite_ms_${label}`]: rw.ms,
      [`exceljs_readwrite_peak_mb_${label}`]: rw.peakMB,
      [`exceljs_read_ms_${label}`]: rd.ms,
      [`exceljs_read_peak_mb_${label}`]: rd.peakMB,
      [`isi_vs_exceljs_readwrite_${label}`]: Math.round((rw.ms / isi.ms) * 10) / 10,
      [`periksa_vs_exceljs_read_${label}`]: Math.round((rd.ms / periksa.ms) * 10) / 10,
      [`io_read_ms_${label}`]: s.read,
      [`io_patch_write_ms_${label}`]: s.patchWrite,
      [`engine_fill_ms_${label}`]: s.fillEngine,
      [`engine_check_ms_${label}`]: s.checkEngine,
    });
    lines.push(
      `${label.padEnd(8)} | kinerja isi ${isi.ms} ms (puncak ${isi.peakMB} MB) | ExcelJS baca+tulis ${rw.ms} ms (${rw.peakMB} MB) | ${figures[`isi_vs_exceljs_readwrite_${label}`]}× lebih cepat`,
      `${"".padEnd(8)} | kinerja periksa ${periksa.ms} ms (puncak ${periksa.peakMB} MB) | ExcelJS baca saja ${rd.ms} ms (${rd.peakMB} MB) | ${figures[`periksa_vs_exceljs_read_${label}`]}× lebih cepat`,
      `${"".padEnd(8)} | di dalam proses: baca .xlsx ${s.read} ms, tulis salinan ${s.patchWrite} ms, mesin isi ${s.fillEngine} ms, mesin periksa ${s.checkEngine} ms`
    );
  }
  return { figures, lines };
}

// `npx ts-node --transpile-only scripts/bench-io.ts [DIR]`: the .xlsx lines alone (needs
// `npm run build:cli`); the generated files stay in DIR when one is given.
if (require.main === module) {
  const keep = process.argv[2];
  const dir = keep ?? fs.mkdtempSync(path.join(require("os").tmpdir(), "kinerja-bench-io-"));
  ioBench(dir, Number(process.env.BENCH_IO_RUNS ?? 3))
    .then(({ figures, lines }) => {
      for (const line of lines) console.log(line);
      console.log(JSON.stringify(figures));
      if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    })
    .catch((e) => {
      console.error(e);
      process.exitCode = 1;
    });
}
