// `npm run bench`: the measured figures behind the README's performance claims.
// Medians over several runs on generated E.81 and T-C.29 sheets of 100, 2,000 and 20,000 rows.
// Prints a readable table and, as its LAST line, one JSON object with every figure.
// Needs a build first (`npm run build`): it times the real `kinerja` binary and dist/ bundles.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import ExcelJS from "exceljs";
import { recognise, validate, planFill, DEFAULT_SETTINGS } from "../src/engine";
import { readNumber } from "../src/core/numbers";
import { ExcelGateway } from "../src/excel/gateway";
import { FakeExcelHost } from "../dev/fake-excel/fake-excel";
import type { CellValue, Grid } from "../src/model/grid";
import * as fx from "../src/functions/functions";
import { e81Grid, e81Row, tc29Grid } from "../test/engine/helpers";
import { ioBench } from "./bench-io";

// The custom functions module expects the runtime's CustomFunctions global.
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: class {
    constructor(
      public code: string,
      public message?: string
    ) {}
  },
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
  },
};

const root = path.resolve(__dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ENGINE_RUNS = Number(process.env.BENCH_ENGINE_RUNS ?? 9);
const FIRST_RUNS = Number(process.env.BENCH_FIRST_RUNS ?? 5);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function elapsed(fn: () => unknown | Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Median of `runs` timed runs after `warmup` untimed ones (the JIT's first compilations). */
async function time(
  fn: () => unknown | Promise<unknown>,
  runs = RUNS,
  warmup = 0
): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) t.push(await elapsed(fn));
  return Math.round(median(t) * 10) / 10;
}

function e81(rows: number): Grid {
  const data: CellValue[][] = [];
  for (let i = 0; i < rows; i++) {
    if (i % 20 === 0)
      data.push(
        e81Row(`PROGRAM ${i / 20 + 1}`, "Persentase capaian program", {
          t5: ["100 %", 38196110687],
          r6: [80, 14824049774],
          t7: [100, 5405019600],
          tw: [
            ["50 %", 759126775],
            ["50 %", 1482189872],
          ],
        })
      );
    else
      data.push(
        e81Row(`Penyediaan Bahan Logistik Kantor ${i}`, "Jumlah paket bahan logistik kantor", {
          t5: [25, 66107390],
          r6: [22, 37574000],
          t7: [7, 8600000],
          tw: [
            [0, null],
            [2, 3675000],
            [0, null],
            [0, null],
          ],
          stated: [2, 3675000, 28.57, 42.7, 24, 41249000, 96, 62.4],
        })
      );
  }
  return e81Grid(data);
}

/**
 * E.81 with the values of a real sheet: every row its own numbers (nothing repeats for the
 * memos), a TRIWULAN II report (quarters III–IV not reported), the computed columns as an
 * earlier fill left them with 1 % of them wrong.
 */
function e81Varied(rows: number): Grid {
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const data: CellValue[][] = [];
  for (let i = 0; i < rows; i++) {
    const t = 10 + Math.floor(rnd() * 90);
    const rp = Math.floor(rnd() * 1e9);
    const tw: [CellValue, CellValue][] = [
      [Math.floor((rnd() * t) / 2), Math.floor((rnd() * rp) / 4)],
      [Math.floor((rnd() * t) / 2), Math.floor((rnd() * rp) / 4)],
      [0, null],
      [0, null],
    ];
    data.push(
      i % 20 === 0
        ? e81Row(`PROGRAM ${i / 20 + 1}`, `Persentase capaian program ${i}`, {
            t5: [`${t} %`, rp * 4],
            r6: [Math.floor(t * 0.8), rp * 2],
            t7: [t, rp],
            tw,
          })
        : e81Row(`Kegiatan ${i}`, `Jumlah paket bahan logistik kantor ${i % 37}`, {
            t5: [t * 3, rp * 3],
            r6: [t * 2, rp * 2],
            t7: [t, rp],
            tw,
          })
    );
  }
  const grid = e81Grid(data);
  const plan = planFill(grid, recognise(grid), { ...DEFAULT_SETTINGS, valuesOnly: true });
  plan.writes.forEach((w, k) => {
    const off = k % 97 === 0 && typeof w.value === "number";
    grid.cells[w.row][w.col] = { value: off ? (w.value as number) + 1 : w.value };
  });
  return { name: grid.name, cells: grid.cells.map((r) => r.map((c) => ({ ...c }))), merges: [] };
}

/** The baseline of the engine's ratio: every cell of the grid read through readNumber, nothing else. */
function barePass(grid: Grid): number {
  let n = 0;
  for (const row of grid.cells)
    for (const c of row)
      if (readNumber(c.value, { numberFormat: c.numberFormat }).kind === "number") n++;
  return n;
}

async function enginePass(grid: Grid): Promise<void> {
  const rec = recognise(grid);
  await validate(grid, rec, DEFAULT_SETTINGS);
  planFill(grid, rec, DEFAULT_SETTINGS);
}

/**
 * Engine pass and bare pass measured in alternation (the same load for both): medians after two
 * warm-up passes, and the median of the per-pair ratios.
 */
async function engineVsBare(grid: Grid, runs: number) {
  for (let i = 0; i < 2; i++) {
    barePass(grid);
    await enginePass(grid);
  }
  const engine: number[] = [];
  const bare: number[] = [];
  const ratio: number[] = [];
  for (let i = 0; i < runs; i++) {
    const b = await elapsed(() => barePass(grid));
    const e = await elapsed(() => enginePass(grid));
    bare.push(b);
    engine.push(e);
    ratio.push(e / b);
  }
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    engine: r1(median(engine)),
    bare: r1(median(bare)),
    ratio: Math.round(median(ratio) * 100) / 100,
  };
}

/** Median of `runs` fresh processes, each timing its first pass (scripts/bench-first-pass.js). */
function freshPass(mode: "engine" | "bare", gridFile: string, runs: number): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, [
      path.join(__dirname, "bench-first-pass.js"),
      mode,
      gridFile,
    ]);
    t.push(Number(out.toString().split(" ")[0]));
  }
  return Math.round(median(t));
}

function tc29(rows: number): Grid {
  const data: CellValue[][] = [];
  for (let i = 0; i < rows; i++)
    data.push([
      2,
      7,
      `4.2.01.${String(i % 99).padStart(2, "0")}`,
      `Sub kegiatan ${i}`,
      "Jumlah pencari kerja yang ditempatkan",
      1200,
      300,
      250,
      260,
      104,
      280,
      840,
      70,
    ]);
  return tc29Grid(data);
}

async function toXlsx(grid: Grid, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(grid.name);
  grid.cells.forEach((row, r) =>
    row.forEach(
      (c, col) =>
        c.value !== null && (ws.getCell(r + 1, col + 1).value = c.value as ExcelJS.CellValue)
    )
  );
  await wb.xlsx.writeFile(file);
}

function gz(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file)).length;
}

async function main(): Promise<void> {
  const figures: Record<string, number> = {};
  const rowsTable: string[] = [];
  const dirFirst = fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-bench-first-"));
  const engineLines: string[] = [];
  for (const [name, make] of [
    ["E81", e81],
    ["E81_beragam", e81Varied],
  ] as const) {
    const grid = make(20000);
    const gridFile = path.join(dirFirst, `${name}.json`);
    fs.writeFileSync(gridFile, JSON.stringify(grid));
    const hasBuild = fs.existsSync(path.join(root, "build", "engine.js"));
    // fresh processes first, while this one is idle
    if (hasBuild) {
      figures[`engine_first_pass_ms_${name}_20000`] = freshPass("engine", gridFile, FIRST_RUNS);
      figures[`bare_first_pass_ms_${name}_20000`] = freshPass("bare", gridFile, FIRST_RUNS);
    }
    const w = await engineVsBare(grid, ENGINE_RUNS);
    figures[`engine_warm_ms_${name}_20000`] = w.engine;
    figures[`bare_warm_ms_${name}_20000`] = w.bare;
    figures[`engine_vs_bare_${name}_20000`] = w.ratio;
    engineLines.push(
      `${name.padEnd(11)} 20.000 baris | mesin (panas) ${w.engine} ms | hanya readNumber ${w.bare} ms | rasio ${w.ratio}× | kali pertama (proses baru) mesin ${figures[`engine_first_pass_ms_${name}_20000`] ?? "?"} ms, readNumber ${figures[`bare_first_pass_ms_${name}_20000`] ?? "?"} ms`
    );
  }
  fs.rmSync(dirFirst, { recursive: true, force: true });
  for (const [name, make] of [
    ["E81", e81],
    ["TC29", tc29],
  ] as const) {
    for (const n of [100, 2000, 20000]) {
      const grid = make(n);
      const pass = async () => {
        const rec = recognise(grid);
        await validate(grid, rec, DEFAULT_SETTINGS);
        planFill(grid, rec, DEFAULT_SETTINGS);
      };
      // steady state (the target): median of passes after two warm-up passes
      const engine = await time(pass, ENGINE_RUNS, 2);
      figures[`engine_ms_${name}_${n}`] = engine;

      const host = new FakeExcelHost({
        sheets: [{ name: grid.name, cells: structuredClone(grid.cells), merges: grid.merges }],
      });
      const gw = new ExcelGateway(host.excel());
      const snap = await gw.readActiveSheet();
      const readTrips = host.syncCount;
      const rec = recognise(snap.grid);
      const plan = planFill(snap.grid, rec, DEFAULT_SETTINGS);
      host.resetCounters();
      await gw.applyPlan(snap.grid.name, plan.writes);
      figures[`roundtrips_read_${name}_${n}`] = readTrips;
      figures[`roundtrips_fill_${name}_${n}`] = host.syncCount;
      figures[`largest_request_bytes_${name}_${n}`] = host.largestRequest;
      rowsTable.push(
        `${name.padEnd(5)} ${String(n).padStart(6)} baris | mesin ${String(engine).padStart(8)} ms | round trip baca ${readTrips}, isi ${host.syncCount} | permintaan terbesar ${(host.largestRequest / 1024).toFixed(0)} KB | ${plan.writes.length} sel`
      );
    }
  }

  // One KINERJA.CAPAIAN call over a 20,000-cell range (the spill fast path).
  const r = Array.from({ length: 20000 }, (_, i) => [String(50 + (i % 60)).replace(".", ",")]);
  const t = Array.from({ length: 20000 }, () => ["87%"]);
  figures.capaian_20000_cells_ms = await time(() => fx.capaian(r, t));

  // kinerja isi on real files through the built binary.
  const bin = path.join(root, "bin", "kinerja.js");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-bench-"));
  if (fs.existsSync(path.join(root, "build", "cli", "main.js"))) {
    const one = path.join(dir, "e81-100.xlsx");
    await toXlsx(e81(100), one);
    figures.isi_one_file_ms = await time(
      () => execFileSync(process.execPath, [bin, "isi", one, "-o", path.join(dir, "out.xlsx")]),
      3
    );
    const batch: string[] = [];
    for (let i = 0; i < 100; i++) {
      const f = path.join(dir, `batch-${i}.xlsx`);
      if (i === 0) await toXlsx(e81(100), f);
      else fs.copyFileSync(batch[0], f);
      batch.push(f);
    }
    fs.mkdirSync(path.join(dir, "out"));
    figures.isi_batch_100_files_ms = await time(
      () => execFileSync(process.execPath, [bin, "isi", ...batch, "-o", path.join(dir, "out")]),
      1
    );
  }
  // the .xlsx layer: kinerja isi / periksa against ExcelJS on the same files (same run)
  let ioLines: string[] = [];
  if (fs.existsSync(path.join(root, "build", "cli", "main.js"))) {
    const io = await ioBench(dir, Number(process.env.BENCH_IO_RUNS ?? 3));
    Object.assign(figures, io.figures);
    ioLines = io.lines;
  }
  fs.rmSync(dir, { recursive: true, force: true });

  const dist = path.join(root, "dist");
  if (fs.existsSync(path.join(dist, "functions.js"))) {
    figures.functions_bundle_gzip_bytes = gz(path.join(dist, "functions.js"));
    figures.taskpane_bundle_gzip_bytes = gz(path.join(dist, "taskpane.js"));
    for (const f of fs.readdirSync(dist).filter((f) => /^nomenklatur-.*\.js$/.test(f)))
      figures[`${f.split(".")[0].replace(/-/g, "_")}_gzip_bytes`] = gz(path.join(dist, f));
  }

  figures.load_average_1min = Math.round(os.loadavg()[0] * 100) / 100;
  console.log("Kinerja — benchmark (median dari beberapa kali jalan)\n");
  console.log(
    `Mesin (kenali + validasi + rencana isi) dibanding satu lintasan yang hanya membaca tiap sel lewat readNumber, diukur bergantian; median ${ENGINE_RUNS} pasang setelah 2 kali pemanasan; kali pertama = median ${FIRST_RUNS} proses Node baru (build/):`
  );
  for (const line of engineLines) console.log(line);
  console.log(`beban mesin saat bench (load average 1 menit): ${figures.load_average_1min}\n`);
  for (const line of rowsTable) console.log(line);
  console.log(`KINERJA.CAPAIAN atas 20.000 sel: ${figures.capaian_20000_cells_ms} ms`);
  if (figures.isi_one_file_ms !== undefined)
    console.log(
      `kinerja isi: 1 berkas ${figures.isi_one_file_ms} ms; 100 berkas ${figures.isi_batch_100_files_ms} ms`
    );
  if (ioLines.length) {
    console.log(
      "\n.xlsx: kinerja (seluruh perintah, satu proses untuk semua berkas) vs ExcelJS saja"
    );
    for (const line of ioLines) console.log(line);
  }
  if (figures.functions_bundle_gzip_bytes !== undefined)
    console.log(
      `bundle (gzip): functions ${(figures.functions_bundle_gzip_bytes / 1024).toFixed(1)} KB, taskpane ${(figures.taskpane_bundle_gzip_bytes / 1024).toFixed(1)} KB; nomenklatur ${Object.entries(
        figures
      )
        .filter(([k]) => k.startsWith("nomenklatur"))
        .map(([k, v]) => `${k.replace(/_gzip_bytes/, "")} ${(v / 1024).toFixed(1)} KB`)
        .join(", ")}`
    );
  const targets = {
    engine_warm_E81_20000_under_100ms: figures.engine_warm_ms_E81_20000 <= 100,
    engine_first_pass_E81_20000_under_250ms: figures.engine_first_pass_ms_E81_20000 <= 250,
    engine_at_most_3x_bare_readNumber: figures.engine_vs_bare_E81_20000 <= 3,
    engine_20000_under_300ms:
      figures.engine_ms_E81_20000 < 300 && figures.engine_ms_TC29_20000 < 300,
    read_roundtrips_constant: figures.roundtrips_read_E81_100 === figures.roundtrips_read_E81_20000,
    no_request_over_5MB: Object.entries(figures)
      .filter(([k]) => k.startsWith("largest_request"))
      .every(([, v]) => v < 5 * 1024 * 1024),
    functions_bundle_under_60KB: (figures.functions_bundle_gzip_bytes ?? 0) < 60 * 1024,
    isi_3x_faster_than_exceljs_readwrite:
      figures.isi_vs_exceljs_readwrite_100x300 >= 3 &&
      figures.isi_vs_exceljs_readwrite_1x20000 >= 3,
    periksa_5x_faster_than_exceljs_read:
      figures.periksa_vs_exceljs_read_100x300 >= 5 && figures.periksa_vs_exceljs_read_1x20000 >= 5,
    isi_20000_under_250MB: figures.isi_peak_mb_1x20000 < 250,
  };
  console.log(
    `\nTarget: ${Object.entries(targets)
      .map(([k, v]) => `${k}=${v ? "ya" : "TIDAK"}`)
      .join(", ")}`
  );
  console.log(JSON.stringify({ ...figures, targets }));
}

main().catch((e) => {
  console.error(`bench gagal: ${(e as Error).stack}`);
  process.exit(1);
});
