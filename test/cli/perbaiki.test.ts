// `kinerja perbaiki` and `kinerja migrasi` on .xlsx: the input never modified, only the
// cells the fixes name changed in the copy, every fix reported (human and --json), exit codes as
// for isi, and the undo writes restoring the workbook exactly.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as crypto from "crypto";
import { main } from "../../src/cli/main";
import { memoryIO } from "../../src/cli/io";
import { readWorkbook, applyPlans } from "../../src/io/files";
import { recognise, validate, DEFAULT_SETTINGS } from "../../src/engine";
import { undoWrites } from "../../src/app/perbaiki";
import type { PlannedWrite } from "../../src/model";
import { parseA1 } from "../../src/model/grid";
import { buildWorkbook } from "../support/fixtures";
import { changedCells } from "../support/cells";
import { FIXTURE_SPECS } from "../fixtures/specs";
import { renja2026 } from "../fixtures/specs/renja-2026";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-perbaiki-"));
const lamongan = path.join(dir, "000-lamongan.xlsx");
const renja = path.join(dir, "renja-2026.xlsx");
const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");

beforeAll(async () => {
  const spec = FIXTURE_SPECS.find((s) => s.file === "000-lamongan.xlsx")!;
  fs.writeFileSync(lamongan, Buffer.from(await buildWorkbook(spec).xlsx.writeBuffer()));
  fs.writeFileSync(renja, Buffer.from(await buildWorkbook(renja2026).xlsx.writeBuffer()));
});

async function run(...args: string[]) {
  const io = memoryIO();
  const code = await main(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

describe("kinerja perbaiki", () => {
  test("without --aturan: the safe fixes, each reported with its cells; the input untouched", async () => {
    const before = sha(lamongan);
    const out = path.join(dir, "aman.xlsx");
    const r = await run("perbaiki", lamongan, "-o", out);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(sha(lamongan)).toBe(before);
    expect(r.out).toContain(`${lamongan} → ${out}`);
    expect(r.out).toMatch(/lembar "T-C.33" \(.*\): 14 perbaikan, 14 sel ditulis/);
    expect(r.out).toContain("[kode.format] Tulis kode resmi 2.07.01.2.01.0001 di E11");
    expect(r.out).toContain("E11: 01 → 0001 (format General → @)");
    expect(r.out).not.toMatch(/hitung\.beda/);
  });

  test("--json: every fix, every cell before and after; only those cells differ; validated again, none left; undo restores", async () => {
    const out = path.join(dir, "json.xlsx");
    const r = await run("perbaiki", lamongan, "-o", out, "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    const sheet = json.files[0].sheets.find((s: { sheet: string }) => s.sheet === "T-C.33");
    expect(sheet.applied).toHaveLength(14);
    expect(sheet.writes[0]).toEqual({
      cell: "B8",
      before: { value: 7 },
      after: { value: "07", numberFormat: "@" },
    });
    const [src, dst] = [await readWorkbook(lamongan), await readWorkbook(out)];
    const plans: { sheetName: string; writes: PlannedWrite[] }[] = [];
    for (const g of src.sheets) {
      const h = dst.sheets.find((x) => x.name === g.name)!;
      const s = json.files[0].sheets.find((x: { sheet: string }) => x.sheet === g.name);
      const named = (s?.applied ?? []).flatMap((a: { cells: string[] }) => a.cells);
      expect({
        sheet: g.name,
        outside: changedCells(g, h).filter((c) => !named.includes(c)),
      }).toEqual({
        sheet: g.name,
        outside: [],
      });
      const fixed = new Set(
        (s?.applied ?? []).map((a: { rule: string; cell: string }) => `${a.rule} ${a.cell}`)
      );
      const again = (await validate(h, recognise(h), DEFAULT_SETTINGS)).issues;
      expect(again.filter((i) => fixed.has(`${i.rule} ${i.cell}`))).toEqual([]);
      // the report is the undo record: each cell as it was and as it is now
      const writes: PlannedWrite[] = (s?.writes ?? []).map(
        (w: {
          cell: string;
          before: PlannedWrite["previous"];
          after: Pick<PlannedWrite, "value" | "formula" | "numberFormat">;
        }) => ({
          ...parseA1(w.cell),
          cell: w.cell,
          ...w.after,
          previous: w.before,
        })
      );
      expect(writes.map((w) => w.cell).sort()).toEqual(changedCells(g, h).sort());
      plans.push({ sheetName: g.name, writes });
    }
    const restored = path.join(dir, "json-undo.xlsx");
    await applyPlans(
      out,
      restored,
      plans.map((p) => ({
        sheetName: p.sheetName,
        plan: { writes: undoWrites(p.writes), decisions: [], changedExisting: 0 },
      }))
    );
    const back = await readWorkbook(restored);
    for (const g of src.sheets)
      expect([
        g.name,
        changedCells(
          g,
          back.sheets.find((x) => x.name === g.name)!
        ),
      ]).toEqual([g.name, []]);
  });

  test("--aturan: only those rules, also fixes that change numbers; an unknown rule is refused", async () => {
    const out = path.join(dir, "aturan.xlsx");
    const r = await run("perbaiki", lamongan, "-o", out, "--aturan", "hitung.beda", "--json");
    expect(r.code).toBe(0);
    const applied = JSON.parse(r.out).files[0].sheets.flatMap(
      (s: { applied: { rule: string; safe: boolean }[] }) => s.applied
    );
    expect(applied.length).toBeGreaterThan(0);
    expect(
      applied.every((a: { rule: string; safe: boolean }) => a.rule === "hitung.beda" && !a.safe)
    ).toBe(true);
    const safeOnly = await run(
      "perbaiki",
      lamongan,
      "-o",
      out,
      "--aturan",
      "hitung.beda",
      "--semua-aman",
      "--json"
    );
    expect(
      JSON.parse(safeOnly.out).files[0].sheets.flatMap((s: { applied: unknown[] }) => s.applied)
    ).toEqual([]);
    const bad = await run("perbaiki", lamongan, "-o", out, "--aturan", "kode.format,target.nol");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(
      /aturan "target.nol" tidak dikenal atau tidak punya perbaikan; pilihan: kode.format/
    );
  });

  test("usage errors: exit 2 with an Indonesian message, nothing written", async () => {
    expect((await run("perbaiki", lamongan)).err).toMatch(/sebutkan keluaran dengan -o/);
    expect((await run("perbaiki", "-o", path.join(dir, "x.xlsx"))).code).toBe(2);
    const same = await run("perbaiki", lamongan, "-o", lamongan);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/sama dengan berkas masukan/);
    const missing = await run(
      "perbaiki",
      path.join(dir, "tidak-ada.xlsx"),
      "-o",
      path.join(dir, "y.xlsx")
    );
    expect(missing).toMatchObject({
      code: 2,
      err: expect.stringMatching(/Berkas tidak ditemukan/),
    });
    expect(fs.existsSync(path.join(dir, "y.xlsx"))).toBe(false);
    expect((await run("perbaiki", lamongan, "-o", path.join(dir, "z.xlsx"), "--apa")).err).toMatch(
      /opsi tidak dikenal: --apa/
    );
  });
});

test("a doubtful table: nothing written, no copy, the reason on stderr, exit 1 (as isi)", async () => {
  const { e79Jember } = await import("../fixtures/specs/regions/e79-jember");
  const { sampleSheet } = await import("../../scripts/make-samples");
  const { writeXlsx } = await import("../engine/xlsx-support");
  const sheet = sampleSheet(e79Jember);
  const row: (string | number | null)[] = Array(27).fill(null);
  [row[2], row[3], row[4]] = [
    "2 07 01 2. 01 01",
    "Penyusunan Dokumen Perencanaan Perangkat Daerah",
    "Jumlah dokumen",
  ];
  sheet.cells.push(row.map((value) => ({ value })));
  const file = path.join(dir, "e79-ragu.xlsx");
  await writeXlsx(file, [
    { name: sheet.name, rows: sheet.cells.map((r) => r.map((c) => c.value)) },
  ]);
  const out = path.join(dir, "e79-ragu-hasil.xlsx");
  const r = await run("perbaiki", file, "-o", out);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(
    /^kinerja perbaiki: lembar "Sheet1" tidak diperbaiki\. Pengenalan tabel belum pasti/
  );
  expect(r.out).toContain(`${file}: tidak ada yang ditulis`);
  expect(fs.existsSync(out)).toBe(false);
});

test("#DIV/0! replaced by the formula, then put back by the undo as an error cell (not as text)", async () => {
  const spec = FIXTURE_SPECS.find((x) => x.file === "002-mojokerto.xlsx")!;
  const file = path.join(dir, "002-mojokerto.xlsx");
  fs.writeFileSync(file, Buffer.from(await buildWorkbook(spec).xlsx.writeBuffer()));
  const out = path.join(dir, "002-galat.xlsx");
  const r = await run("perbaiki", file, "-o", out, "--aturan", "excel.galat", "--json");
  expect(r.code).toBe(0);
  const e81 = JSON.parse(r.out).files[0].sheets.find((x: { sheet: string }) => x.sheet === "E81");
  expect(e81.writes.map((w: { cell: string }) => w.cell)).toEqual([
    "V41",
    "U42",
    "V42",
    "U43",
    "V43",
  ]);
  expect(e81.writes[0].before).toEqual({ value: "#DIV/0!" });
  const writes: PlannedWrite[] = e81.writes.map(
    (w: { cell: string; before: PlannedWrite["previous"]; after: PlannedWrite }) => ({
      ...parseA1(w.cell),
      ...w.after,
      cell: w.cell,
      previous: w.before,
    })
  );
  const restored = path.join(dir, "002-galat-undo.xlsx");
  await applyPlans(out, restored, [
    { sheetName: "E81", plan: { writes: undoWrites(writes), decisions: [], changedExisting: 0 } },
  ]);
  const { unzipSync } = await import("fflate");
  const xml = new TextDecoder().decode(
    unzipSync(new Uint8Array(fs.readFileSync(restored)))["xl/worksheets/sheet1.xml"]
  );
  expect(xml).toMatch(/<c r="V41"[^>]* t="e"><v>#DIV\/0!<\/v><\/c>/);
});

describe("kinerja migrasi", () => {
  test("--ke 2027: the report printed, only code and name cells written, the result valid against 2027", async () => {
    const before = sha(renja);
    const out = path.join(dir, "renja-2027.xlsx");
    const r = await run("migrasi", renja, "--ke", "2027", "-o", out);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(sha(renja)).toBe(before);
    expect(r.out).toMatch(
      /7 kode diganti, 0 nama berubah, 4 dihapus tanpa pengganti, 0 perlu dipilih, 4 sub kegiatan baru belum ada di sheet/
    );
    expect(r.out).toContain(
      "baris 18: 2.07.03.2.01.0005 Pengadaan Sarana Pelatihan Vokasi dan Produktivitas → 2.07.03.2.01.0008 Pengembangan Prasarana dan Sarana Pelatihan Vokasi"
    );
    expect(r.out).toContain("Dihapus di TA 2027 tanpa pengganti (Anda yang memutuskan) (4):");
    expect(r.out).toContain(
      "2.07.03.2.01.0007 Sertifikasi Kompetensi Kerja (kegiatan 2.07.03.2.01)"
    );
    const [src, dst] = [(await readWorkbook(renja)).sheets[0], (await readWorkbook(out)).sheets[0]];
    const changed = changedCells(src, dst);
    expect(changed.length).toBe(13);
    expect(changed.every((c) => /^[FG]\d+$/.test(c))).toBe(true);
    const settings = { ...DEFAULT_SETTINGS, nomenclatureYear: 2027 };
    const issues = (await validate(dst, recognise(dst), settings)).issues;
    const flagged = issues.filter(
      (i) => i.rule === "kode.kadaluarsa" || i.rule === "kode.tidak-dikenal"
    );
    expect(flagged.map((i) => i.row + 1).sort((a, b) => a - b)).toEqual([14, 39, 45, 46]);
  });

  test("--json: the report with 1-based rows; --ke other than 2027 refused", async () => {
    const out = path.join(dir, "renja-2027-json.xlsx");
    const r = await run("migrasi", renja, "--ke", "2027", "-o", out, "--json");
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.out).files[0].sheets[0].report;
    expect(rep.diganti[0]).toEqual({
      baris: 17,
      dari: {
        code: "2.07.03.2.01.0004",
        name: "Proses Pelaksanaan Pendidikan dan Pelatihan Vokasi bagi Pencari Kerja berdasarkan Unit Kompetensi",
      },
      ke: {
        code: "2.07.03.2.01.0009",
        name: "Proses Pelaksanaan Pelatihan Vokasi bagi Pencari Kerja berdasarkan Unit Kompetensi",
      },
    });
    expect(rep.dihapus.map((d: { baris: number }) => d.baris)).toEqual([14, 39, 45, 46]);
    expect(rep.baru).toHaveLength(4);
    const bad = await run("migrasi", renja, "--ke", "2030", "-o", out);
    expect(bad).toMatchObject({
      code: 2,
      err: expect.stringMatching(/tidak ada daftar pengganti untuk TA 2030; yang tersedia: 2027/),
    });
    expect((await run("migrasi", renja, "-o", out)).err).toMatch(
      /sebutkan tujuan dengan --ke 2027/
    );
  });

  test("the usage text lists both commands", async () => {
    const r = await run("--help");
    expect(r.out).toMatch(
      /kinerja perbaiki FILE\.\.\. -o KELUARAN \[--aturan A,B\] \[--semua-aman\] \[--json\]/
    );
    expect(r.out).toMatch(/kinerja migrasi FILE\.\.\. --ke 2027 -o KELUARAN \[--json\]/);
  });
});
