import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { memoryIO } from "../../src/cli/io";
import { writeXlsx } from "../engine/xlsx-support";
import { e81Grid, e81Row } from "../engine/helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-periksa-"));
const clean = path.join(dir, "bersih.xlsx");
const wrong = path.join(dir, "salah.xlsx");
const values = (g: ReturnType<typeof e81Grid>) => g.cells.map((r) => r.map((c) => c.value));

beforeAll(async () => {
  const ok = e81Row(
    "Penyusunan Dokumen Perencanaan Perangkat Daerah",
    "Jumlah dokumen perencanaan yang disusun",
    {
      t5: [25, 66107390],
      r6: [22, 37574000],
      t7: [7, 8600000],
      tw: [
        [0, null],
        [2, 3675000],
      ],
    }
  );
  await writeXlsx(clean, [
    { name: "E81", rows: values(e81Grid([ok])) },
    { name: "Catatan", rows: [["bebas"]] },
  ]);
  // 002:L1359: 15K stated 8560,00 instead of 85,60
  const bad = e81Row(
    "PERENCANAAN, PENGANGGARAN, DAN EVALUASI KINERJA PERANGKAT DAERAH",
    "Jumlah dokumen",
    {
      t5: [100, null],
      r6: [19, null],
      t7: [100, null],
      tw: [
        [0, null],
        [66.6, null],
      ],
      stated: [66.6, null, 66.6, null, 85.6, null, "8560,00", null],
    }
  );
  await writeXlsx(wrong, [{ name: "E81", rows: values(e81Grid([bad])) }]);
});

describe("kinerja periksa", () => {
  it("--json: layout, year, 1-based rows, column letters, no issues → exit 0", async () => {
    const io = memoryIO();
    const code = await main(["periksa", clean, "--json"], io);
    expect(code).toBe(0);
    const out = JSON.parse(io.stdout);
    expect(out.files[0].file).toBe(clean);
    const s = out.files[0].sheets[0];
    expect(s).toMatchObject({
      name: "E81",
      layout: "E81",
      year: 2024,
      headerRows: [4, 7],
      dataRows: [8, 8],
      issues: [],
    });
    expect(s.columns).toMatchObject({
      indikator: "D",
      "target.tahun.k": "I",
      "capaian.tahun.k": "U",
    });
    expect(out.files[0].sheets[1]).toMatchObject({ name: "Catatan", layout: null });
  });

  it("an error-level finding gives exit 1 and the issue at its cell (002:L1359 8560,00)", async () => {
    const io = memoryIO();
    const code = await main(["periksa", wrong, "--json", "--sheet", "E81"], io);
    expect(code).toBe(1);
    const issues = JSON.parse(io.stdout).files[0].sheets[0].issues;
    expect(issues).toContainEqual(
      expect.objectContaining({ cell: "Y8", rule: "hitung.beda", severity: "error" })
    );
  });

  it("human output in Indonesian", async () => {
    const io = memoryIO();
    await main(["periksa", wrong], io);
    expect(io.stdout).toMatch(/Tabel E\.81/);
    expect(io.stdout).toMatch(/Temuan\s+: 1 galat/);
    expect(io.stdout).toMatch(/Y8 +GALAT \[hitung\.beda\]/);
  });

  it("missing, non-xlsx and unknown sheet → exit 2 with a clear message, no stack trace", async () => {
    for (const args of [
      [path.join(dir, "tidak-ada.xlsx")],
      [path.join(dir, "x.csv")],
      [clean, "--sheet", "Tidak Ada"],
      [],
      ["--bogus", clean],
    ]) {
      const io = memoryIO();
      const txt = path.join(dir, "x.csv");
      fs.writeFileSync(txt, "a,b");
      expect(await main(["periksa", ...args], io)).toBe(2);
      expect(io.stderr).toMatch(/kinerja periksa: /);
      expect(io.stderr).not.toMatch(/\s+at .*\(.*:\d+:\d+\)/);
    }
  });
});
