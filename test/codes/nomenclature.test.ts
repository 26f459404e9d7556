// The generated data against the independent listing of bidang 2.07, 3.32 and X.XX.01
// (test/codes/data/reference-2.07-3.32-XXX.md), regeneration from data/nomenklatur/, and the
// provincial differences of the 2027 export.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { generate } from "../../scripts/make-nomenklatur";
import { normaliseName } from "../../src/codes/read";
import { dataDir, indicators, nomenclature } from "./helpers";

const reference = path.join(__dirname, "data", "reference-2.07-3.32-XXX.md");

test("regenerating the data from data/nomenklatur/ is byte-identical", async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-nom-"));
  const files = await generate(out);
  expect(files.map((f) => path.basename(f)).sort()).toEqual(
    fs
      .readdirSync(dataDir)
      .filter((f) => f.endsWith(".json"))
      .sort()
  );
  for (const f of files)
    expect(fs.readFileSync(f, "utf8")).toBe(
      fs.readFileSync(path.join(dataDir, path.basename(f)), "utf8")
    );
}, 120000);

interface Row {
  code: string;
  name: string;
  indicator: string;
  unit: string;
  in2023: boolean;
  in2027: boolean;
  previous: string;
}

function referenceTable(): Row[] {
  const rows: Row[] = [];
  for (const line of fs.readFileSync(reference, "utf8").split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    if (!/^[0-9X]\.[0-9X]{2}\.\d{2}/.test(cells[1] ?? "")) continue;
    rows.push({
      code: cells[1],
      name: cells[2].replace(/\*\*/g, "").replace(/\s*\(900:[^)]*\)\s*$/, ""),
      indicator: cells[3],
      unit: cells[4],
      in2023: cells[5] === "✓",
      in2027: cells[6] === "✓",
      previous: cells[8] ?? "",
    });
  }
  return rows;
}

describe("bidang 2.07, 3.32 and X.XX.01 agree with the reference listing", () => {
  const v2024 = nomenclature("kabkota-2024");
  const v2027 = nomenclature("2027");
  const rows = referenceTable();

  test("the listing was parsed", () => {
    expect(rows.length).toBeGreaterThan(150);
    expect(rows.some((r) => r.code.startsWith("3.32"))).toBe(true);
    expect(rows.some((r) => r.code.startsWith("X.XX.01"))).toBe(true);
  });

  test("presence of every code in each version", () => {
    const mismatches = rows.filter(
      (r) =>
        (v2024.names[r.code] !== undefined) !== r.in2023 ||
        (v2027.names[r.code] !== undefined) !== r.in2027
    );
    expect(mismatches.map((m) => m.code)).toEqual([]);
  });

  test("names (2027 where present, otherwise 900) match after normalisation", () => {
    const mismatches = rows
      .map((r) => ({
        code: r.code,
        table: r.name,
        data: (r.in2027 ? v2027.names[r.code] : v2024.names[r.code]) ?? "",
      }))
      .filter((m) => normaliseName(m.table) !== normaliseName(m.data));
    expect(mismatches).toEqual([]);
  });

  test("indikator and satuan of every sub kegiatan (2027 where present, otherwise 900)", () => {
    const i2024 = indicators("kabkota-2024");
    const i2027 = indicators("2027");
    const subs = rows.filter((r) => r.code.split(".").length === 6);
    expect(subs.length).toBeGreaterThan(100);
    const mismatches = subs
      .map((r) => ({
        code: r.code,
        table: [r.indicator, r.unit],
        data: (r.in2027 ? i2027 : i2024).get(r.code),
      }))
      .filter(
        (m) =>
          !m.data || m.data.map(normaliseName).join("|") !== m.table.map(normaliseName).join("|")
      );
    expect(mismatches).toEqual([]);
  });

  test("successor links (Kode sebelumnya)", () => {
    const withPrevious = rows.filter((r) => /\d\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{4}/.test(r.previous));
    expect(withPrevious.length).toBeGreaterThan(0);
    for (const r of withPrevious) {
      const olds = r.previous.match(/\d\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{4}/g)!;
      expect(v2027.replaces[r.code]).toEqual(expect.arrayContaining(olds));
    }
    expect(v2027.successors.get("2.07.03.2.01.0005")).toEqual(["2.07.03.2.01.0008"]);
  });

  test("official names keep their published casing", () => {
    expect(v2024.names["2.07.04.2.01.0002"]).toBe("Pelayanan antar Kerja");
    expect(v2027.names["2.07.04"]).toBe("PROGRAM PENEMPATAN TENAGA KERJA");
  });
});

describe("codes that mean different things for provinsi and kab/kota in the 2027 export", () => {
  const kab = nomenclature("2027", "kabkota");
  const prov = nomenclature("2027", "provinsi");
  test("programme 4.01.02 and X.XX.01 have their own provincial names", () => {
    expect(kab.names["4.01.02"]).toBe("PROGRAM PEMERINTAHAN DAN KESEJAHTERAAN RAKYAT");
    expect(prov.names["4.01.02"]).toBe("PROGRAM PENATAAN ORGANISASI");
    expect(prov.names["X.XX.01"]).toBe("PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH PROVINSI");
    expect(kab.names["X.XX.01"]).toBe(
      "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
    );
  });
  test("each list holds its own codes only", () => {
    expect(prov.names["2.07.03.3.03.0004"]).toBeDefined();
    expect(kab.names["2.07.03.3.03.0004"]).toBeUndefined();
    expect(prov.names["2.07.06.1.01"]).toBeDefined();
    expect(kab.names["2.07.06.1.01"]).toBeUndefined();
    expect(kab.names["2.07.04.2.01.0002"]).toBeDefined();
    expect(prov.names["2.07.04.2.01.0002"]).toBeUndefined();
  });
  test("an Otsus sub kegiatan reused by both lists has the indicator of its own list", () => {
    expect(kab.names["1.01.02.3.05.0001"]).toMatch(/Unit Sekolah Baru/);
    expect(prov.names["1.01.02.3.05.0001"]).toMatch(/Beasiswa/);
    expect(indicators("2027", "kabkota").get("1.01.02.3.05.0001")?.[1]).toBe("Unit");
    expect(indicators("2027", "provinsi").get("1.01.02.3.05.0001")?.[1]).toBe("Orang");
  });
});

test("the code tests need nothing outside the repository (only the optional real-data suite looks)", () => {
  const readers = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".ts"))
    .filter((f) =>
      /\.\.\/shared|["']shared["']/.test(fs.readFileSync(path.join(__dirname, f), "utf8"))
    );
  expect(readers).toEqual(["real-workbooks.test.ts"]);
});
