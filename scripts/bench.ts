// `npm run bench`: the measured figures behind the README's performance claims.
// Medians over several runs on generated E.81 and T-C.29 sheets of 100, 2,000 and 20,000 rows;
// the gateway's round trips and payloads through the real office.js client (the wire harness of
// test/support/officejs-wire.ts) on E.81 sheets of 100, 2,000, 20,000 and 50,000 rows: syncs per
// operation and the largest request and response of each, in bytes as office.js serializes them.
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
import { syntheticE81 as e81 } from "../test/support/e81";
import { gatewayFlow } from "../test/support/flow";
import { WIRE_LIMIT_BYTES } from "../test/support/officejs-wire";
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

      // T-C.29 on the fake host (its byte counts are at least office.js's, see wire.test.ts)
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
      rowsTable.push(
        `${name.padEnd(5)} ${String(n).padStart(6)} baris | mesin ${String(engine).padStart(8)} ms | round trip baca ${readTrips}, isi ${host.syncCount} | ${plan.writes.length} sel`
      );
    }
  }

  // The gateway through the real office.js client: every operation of the pane, per size.
  const wireTable: string[] = [];
  const wireSizes = (process.env.BENCH_WIRE_ROWS ?? "100,2000,20000,50000").split(",").map(Number);
  let allUnderLimit = true;
  for (const n of wireSizes) {
    const flow = await gatewayFlow(e81(n));
    wireTable.push(
      `E.81 ${n.toLocaleString("id-ID")} baris (${flow.plan.writes.length} sel diisi):`
    );
    for (const op of flow.operations) {
      if (op.operation === "validasi") continue;
      const key = op.operation.replace(/ /g, "_");
      figures[`wire_syncs_${key}_E81_${n}`] = op.syncs;
      figures[`wire_largest_request_bytes_${key}_E81_${n}`] = op.largestRequest;
      figures[`wire_largest_response_bytes_${key}_E81_${n}`] = op.largestResponse;
      figures[`wire_total_bytes_${key}_E81_${n}`] = op.totalRequest + op.totalResponse;
      allUnderLimit &&=
        op.largestRequest <= WIRE_LIMIT_BYTES && op.largestResponse <= WIRE_LIMIT_BYTES;
      const pct = (b: number) => `${Math.round((100 * b) / WIRE_LIMIT_BYTES)} %`;
      wireTable.push(
        `  ${op.operation.padEnd(14)} ${String(op.syncs).padStart(2)} sync | permintaan terbesar ${String(op.largestRequest).padStart(9)} B (${pct(op.largestRequest).padStart(4)} batas) | jawaban terbesar ${String(op.largestResponse).padStart(9)} B (${pct(op.largestResponse).padStart(4)} batas) | host tiruan/office.js ${(op.fakeLargestRequest / Math.max(1, op.largestRequest)).toFixed(2)}×`
      );
    }
    if (n === 20000) {
      figures.roundtrips_read_E81_20000 = flow.operations.find(
        (o) => o.operation === "baca"
      )!.syncs;
      figures.roundtrips_fill_E81_20000 = flow.operations.find((o) => o.operation === "isi")!.syncs;
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
  console.log(
    `\nGateway lewat klien office.js asli (ukuran permintaan/jawaban seperti diserialisasi office.js; batas Excel di web ${WIRE_LIMIT_BYTES.toLocaleString("id-ID")} B):`
  );
  for (const line of wireTable) console.log(line);
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
    no_request_or_response_over_5MB: allUnderLimit,
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
