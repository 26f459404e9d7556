// `kinerja periksa FILE... [--sheet NAMA] [--json]`: recognise the tables in workbooks and
// validate them. Exit 0 = no error-level finding, 1 = at least one, 2 = usage or file error.
import type { CliIO } from "./io";
import { readWorkbook, WorkbookError } from "../io/files";
import { recognise, validate, layoutLabel, quarterLabel, roleLabel } from "../engine";
import { DEFAULT_SETTINGS } from "../model/settings";
import type { Analysis } from "../model/analysis";
import { columnLetters } from "../model/grid";
import type { ColumnMapping } from "../model";
import { petaOf, type PetaSheet } from "../app/peta-map";
import { loadPeta } from "./common";

const USAGE =
  "Penggunaan: kinerja periksa FILE... [--sheet NAMA] [--json] [--peta PETA.json]\n" +
  '  --json  keluaran mesin; bagian "peta" tiap lembar dapat disimpan, diperbaiki, diberi\n' +
  '          "dikonfirmasi": true lalu dipakai dengan --peta (juga oleh kinerja isi)\n';

export interface SheetReport {
  name: string;
  layout: string | null;
  year: number | null;
  headerRows: [number, number] | null;
  dataRows: [number, number] | null;
  columns: Record<string, string>;
  /** Columns the table marks as computed (the only ones `isi` writes). */
  computed: string[];
  /** What recognition is unsure of; `isi` writes nothing until the mapping is confirmed. */
  doubts: string[];
  /** The column map in the form `--peta` reads back (edit, confirm, reuse). */
  peta: PetaSheet | null;
  issues: { cell: string; rule: string; severity: string; message: string }[];
}

export function sheetReport(name: string, a: Analysis): SheetReport {
  const r = a.recognition;
  const columns: Record<string, string> = {};
  for (const [role, c] of Object.entries(r.columns)) columns[role] = columnLetters(c);
  return {
    name,
    layout: r.layout,
    year: r.year,
    headerRows: r.headerRows ? [r.headerRows[0] + 1, r.headerRows[1] + 1] : null,
    dataRows: r.dataRows ? [r.dataRows[0] + 1, r.dataRows[1] + 1] : null,
    columns,
    computed: r.computations
      .map((c) => r.columns[c.out])
      .filter((c): c is number => c !== undefined)
      .map(columnLetters),
    doubts: r.doubts.map((d) => d.reason),
    peta: petaOf(r),
    issues: a.issues.map((i) => ({
      cell: i.cell,
      rule: i.rule,
      severity: i.severity,
      message: i.message,
    })),
  };
}

const SEVERITY: Record<string, string> = { error: "GALAT", warning: "PERINGATAN", info: "INFO" };

export async function periksa(args: string[], io: CliIO): Promise<number> {
  const files: string[] = [];
  let sheet: string | null = null;
  let json = false;
  let peta: Record<string, ColumnMapping> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--json") json = true;
    else if (a === "--peta") {
      const read = await loadPeta("periksa", args[++i] ?? "", io, USAGE);
      if (!read) return 2;
      peta = read;
    } else if (a === "--sheet" || a === "--lembar") {
      sheet = args[++i] ?? null;
      if (sheet === null) {
        io.err(`kinerja periksa: --sheet memerlukan nama lembar\n${USAGE}`);
        return 2;
      }
    } else if (a === "--help" || a === "-h") {
      io.out(USAGE);
      return 0;
    } else if (a.startsWith("-")) {
      io.err(`kinerja periksa: opsi tidak dikenal: ${a}\n${USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (!files.length) {
    io.err(`kinerja periksa: sebutkan paling sedikit satu berkas .xlsx\n${USAGE}`);
    return 2;
  }
  let code = 0;
  const result: { files: { file: string; sheets: SheetReport[] }[] } = { files: [] };
  for (const [fi, file] of files.entries()) {
    if (io.isTTY && files.length > 1) io.err(`[${fi + 1}/${files.length}] ${file}\n`);
    let sheets;
    try {
      sheets = (await readWorkbook(file)).sheets;
    } catch (e) {
      io.err(
        `kinerja periksa: ${e instanceof WorkbookError ? e.message : `gagal membaca ${file}`}\n`
      );
      code = 2;
      continue;
    }
    const chosen = sheet === null ? sheets : sheets.filter((g) => g.name === sheet);
    if (sheet !== null && !chosen.length) {
      io.err(
        `kinerja periksa: lembar "${sheet}" tidak ada di ${file} (ada: ${sheets.map((g) => g.name).join(", ")})\n`
      );
      code = 2;
      continue;
    }
    const reports: SheetReport[] = [];
    for (const grid of chosen) {
      const rec = recognise(grid, peta[grid.name]);
      const analysis = await validate(grid, rec, DEFAULT_SETTINGS);
      const rep = sheetReport(grid.name, analysis);
      reports.push(rep);
      if (code === 0 && rep.issues.some((i) => i.severity === "error")) code = 1;
      if (!json) printHuman(io, file, rep, analysis);
    }
    result.files.push({ file, sheets: reports });
  }
  if (json) io.out(JSON.stringify(result) + "\n");
  return code;
}

function printHuman(io: CliIO, file: string, rep: SheetReport, a: Analysis): void {
  const lines: string[] = [];
  lines.push(`${file} — lembar "${rep.name}"`);
  if (!rep.layout) {
    lines.push(`  ${a.recognition.notes[0] ?? "Tabel tidak dikenali."}`);
    io.out(lines.join("\n") + "\n\n");
    return;
  }
  lines.push(
    `  Tabel     : ${layoutLabel(a.recognition.layout!)}${a.recognition.variant ? ` (varian ${a.recognition.variant})` : ""}`
  );
  if (rep.year)
    lines.push(
      `  Tahun     : ${rep.year}` +
        (a.recognition.quarter ? ` (s.d. ${quarterLabel(a.recognition.quarter)})` : "")
    );
  if (a.recognition.pdName) lines.push(`  PD        : ${a.recognition.pdName}`);
  if (rep.headerRows) lines.push(`  Judul     : baris ${rep.headerRows[0]}–${rep.headerRows[1]}`);
  if (rep.dataRows) lines.push(`  Data      : baris ${rep.dataRows[0]}–${rep.dataRows[1]}`);
  lines.push("  Kolom     :");
  const byColumn = Object.entries(a.recognition.columns).sort((x, y) => x[1] - y[1]);
  for (const [role] of byColumn)
    if (!/^kode\.\d$/.test(role))
      lines.push(`    ${rep.columns[role].padEnd(4)} ${roleLabel(role)}`);
  lines.push(
    `  Dihitung  : ${rep.computed.length ? rep.computed.join(", ") : "tidak ada kolom hitung"}`
  );
  for (const d of rep.doubts) lines.push(`  RAGU      : ${d}`);
  if (a.nomenclatureVersion) lines.push(`  Nomenklatur: ${a.nomenclatureVersion}`);
  const errors = rep.issues.filter((i) => i.severity === "error").length;
  const warnings = rep.issues.filter((i) => i.severity === "warning").length;
  lines.push(
    rep.issues.length
      ? `  Temuan    : ${errors} galat, ${warnings} peringatan`
      : "  Temuan    : tidak ada"
  );
  for (const i of rep.issues)
    lines.push(
      `    ${i.cell.padEnd(6)} ${SEVERITY[i.severity] ?? i.severity} [${i.rule}] ${i.message}`
    );
  io.out(lines.join("\n") + "\n\n");
}
