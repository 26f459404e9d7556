// The pane's fix flows on the fake Excel host: Perbaiki on one finding and on a choice,
// Perbaiki semua yang aman, the preview (nothing written), Tulis, the findings validated again,
// Batalkan restoring exactly; the TA 2027 migration with its report, undo and the nomenclature
// year; an Indonesian message for every refusal.
import { TaskpaneController } from "../../src/taskpane/controller";
import { ExcelGateway } from "../../src/excel/gateway";
import { FakeExcelHost } from "../../dev/fake-excel/fake-excel";
import { documentStore } from "../../src/excel/helpers";
import type { Grid } from "../../src/model/grid";
import { tc29Grid } from "../engine/helpers";
import { buildWorkbook } from "../support/fixtures";
import { renja2026 } from "../fixtures/specs/renja-2026";
import { readGrids } from "../../src/io/ooxml";

function setup(grid: Grid) {
  const host = new FakeExcelHost({
    sheets: [{ name: grid.name, cells: structuredClone(grid.cells), merges: grid.merges }],
  });
  const ctl = new TaskpaneController(new ExcelGateway(host.excel()), documentStore(null));
  return { host, ctl };
}

/** A T-C.29 with a code written "2 | 7 | 3" (kode.format, safe) and a variant name (kode.nama-beda, safe). */
const codes = () =>
  tc29Grid([
    [
      2,
      7,
      3,
      "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA",
      "Persentase",
      60,
      40,
      50,
      52,
      104,
      55,
      55,
      91.67,
    ],
    [
      2,
      "07",
      "03.2.01.0003",
      "Pengadaan Sarana Pelatihan Kerja Kab/Kota",
      "Jumlah sarana",
      4,
      1,
      1,
      1,
      100,
      1,
      2,
      50,
    ],
    [
      2,
      "07",
      "04.2.01.0003",
      "Pelayanan antar Kerja",
      "Jumlah pencari kerja",
      40,
      10,
      10,
      10,
      100,
      10,
      20,
      50,
    ],
  ]);

test("Perbaiki on one finding: preview first, then only its cells, then validated again; Batalkan restores", async () => {
  const { host, ctl } = setup(codes());
  const before = structuredClone(host.activeSheet().cells);
  await ctl.validate();
  const f = ctl.state.issues!.find((i) => i.rule === "kode.format")!;
  expect(f.fix).toMatchObject({ safe: true });
  ctl.previewFix(f);
  expect(ctl.state.phase).toBe("fix-preview");
  expect(ctl.state.fixPreview!.plan.writes.map((w) => w.cell)).toEqual(["B7", "C7"]);
  expect(host.activeSheet().cells).toEqual(before);
  await ctl.writeFixes();
  const after = host.activeSheet().cells;
  expect(after[6][1]).toMatchObject({ value: "07", numberFormat: "@" });
  expect(after[6][2]).toMatchObject({ value: "03", numberFormat: "@" });
  expect(ctl.state.phase).toBe("validated");
  expect(ctl.state.issues!.some((i) => i.rule === "kode.format" && i.cell === f.cell)).toBe(false);
  expect(ctl.state.status).toMatch(/^1 perbaikan ditulis \(2 sel\)/);
  await ctl.undo();
  expect(host.activeSheet().cells).toEqual(before);
  expect(ctl.state.undo).toEqual([]);
  expect(ctl.state.issues!.some((i) => i.rule === "kode.format" && i.cell === f.cell)).toBe(true);
  expect(ctl.state.status).toBe("Isi sel dikembalikan seperti semula.");
});

test("a choice: the planner picks one of the fixes a finding offers", async () => {
  const { host, ctl } = setup(codes());
  await ctl.validate();
  const f = ctl.state.issues!.find((i) => i.rule === "kode.nama-beda" && i.choices)!;
  expect(f.choices!.length).toBe(2);
  ctl.previewFix(f, 1);
  expect(ctl.state.fixPreview!.plan.applied[0].label).toBe(f.choices![1].label);
  ctl.cancelFixes();
  expect(ctl.state.phase).toBe("validated");
  expect(ctl.state.fixPreview).toBeNull();
  ctl.previewFix(f, 0);
  await ctl.writeFixes();
  expect(host.activeSheet().cells[8][3].value).toBe(
    "Penyuluhan dan Bimbingan Jabatan bagi Pencari Kerja"
  );
});

test("Perbaiki semua yang aman: every safe fix in one preview, one write, one undo", async () => {
  const { host, ctl } = setup(codes());
  const before = structuredClone(host.activeSheet().cells);
  await ctl.validate();
  const safe = ctl.state.issues!.filter((i) => i.fix?.safe);
  expect(safe.map((i) => i.rule).sort()).toEqual(["kode.format", "kode.nama-beda"]);
  await ctl.previewSafeFixes();
  const plan = ctl.state.fixPreview!.plan;
  expect(plan.applied.map((a) => a.rule).sort()).toEqual(["kode.format", "kode.nama-beda"]);
  expect(plan.applied.every((a) => a.safe)).toBe(true);
  await ctl.writeFixes();
  const left = ctl.state.issues!.filter((i) =>
    safe.some((s) => s.cell === i.cell && s.rule === i.rule)
  );
  expect(left).toEqual([]);
  await ctl.undo();
  expect(host.activeSheet().cells).toEqual(before);
});

test("the sheet changed after validation: nothing is written, the message says what to do", async () => {
  const { host, ctl } = setup(codes());
  await ctl.validate();
  ctl.previewFix(ctl.state.issues!.find((i) => i.rule === "kode.format")!);
  host.activeSheet().cells[6][1] = { value: "7 (diketik ulang)" };
  const edited = structuredClone(host.activeSheet().cells);
  await ctl.writeFixes();
  expect(ctl.state.error).toMatch(/sudah berubah sejak sheet dibaca.*Tidak ada yang ditulis/);
  expect(ctl.state.phase).toBe("fix-preview");
  expect(host.activeSheet().cells).toEqual(edited);
  expect(ctl.state.undo).toEqual([]);
});

test("a fill and a fix: Batalkan undoes the last write first, then the one before", async () => {
  const { host, ctl } = setup(codes());
  const before = structuredClone(host.activeSheet().cells);
  await ctl.preview();
  await ctl.write();
  const filled = structuredClone(host.activeSheet().cells);
  await ctl.validate();
  ctl.previewFix(ctl.state.issues!.find((i) => i.rule === "kode.format")!);
  await ctl.writeFixes();
  expect(ctl.state.undo.map((u) => u.kind)).toEqual(["isi", "perbaiki"]);
  await ctl.undo();
  expect(host.activeSheet().cells).toEqual(filled);
  await ctl.undo();
  expect(host.activeSheet().cells).toEqual(before);
});

async function renjaGrid(): Promise<Grid> {
  const bytes = new Uint8Array(await buildWorkbook(renja2026).xlsx.writeBuffer());
  return readGrids(bytes).sheets[0];
}

test("Perbarui ke nomenklatur TA 2027: the report, the preview, the write, validation on 2027, undo", async () => {
  const grid = await renjaGrid();
  const { host, ctl } = setup(grid);
  const before = structuredClone(host.activeSheet().cells);
  await ctl.previewMigration();
  const fp = ctl.state.fixPreview!;
  expect(fp.kind).toBe("migrasi");
  const report = fp.migration!.report!;
  expect(report.mapped).toHaveLength(7);
  expect(report.retired.map((r) => r.from.code)).toContain("2.07.03.2.01.0001");
  expect(report.added.map((a) => a.code)).toContain("2.07.03.2.01.0007");
  expect(new Set(fp.plan.writes.map((w) => w.col))).toEqual(new Set([5, 6])); // SSSS and name only
  expect(host.activeSheet().cells).toEqual(before);
  await ctl.writeFixes();
  expect(ctl.state.settings.nomenclatureYear).toBe(2027);
  expect(ctl.state.status).toMatch(/^Migrasi ditulis \(13 sel\)/);
  const flagged = ctl.state.issues!.filter(
    (i) => i.rule === "kode.kadaluarsa" || i.rule === "kode.tidak-dikenal"
  );
  expect(flagged.map((i) => i.row).sort((a, b) => a - b)).toEqual(
    report.retired.map((r) => r.row).sort((a, b) => a - b)
  );
  await ctl.undo();
  expect(host.activeSheet().cells).toEqual(before);
  expect(ctl.state.settings.nomenclatureYear).toBeNull();
});

test("nothing to migrate: an Indonesian reason, nothing written", async () => {
  const { e81Grid, e81Row } = await import("../engine/helpers");
  const { host, ctl } = setup(e81Grid([e81Row("Sub", "Jumlah dokumen", { t7: [1, null] })]));
  const before = structuredClone(host.activeSheet().cells);
  await ctl.previewMigration();
  expect(ctl.state.error).toBe("Tabel ini tidak memuat kode nomenklatur.");
  expect(ctl.state.fixPreview).toBeNull();
  expect(host.activeSheet().cells).toEqual(before);
});
