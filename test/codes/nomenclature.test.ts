// The generated data against the independent listing in research §1.3, and regeneration.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { generate } from "../../scripts/make-nomenklatur";
import { prepare } from "../../src/codes/api";
import { normaliseName } from "../../src/codes/read";
import type { NomenclatureData } from "../../src/codes/types";

const root = path.resolve(__dirname, "../..");
const dataDir = path.join(root, "src/codes/data");
const load = (v: string) =>
  prepare(
    JSON.parse(
      fs.readFileSync(path.join(dataDir, `nomenklatur-${v}.json`), "utf8")
    ) as NomenclatureData
  );
const shared = process.env.KINERJA_SHARED ?? path.resolve(root, "..", "shared");

test("regenerating the data from the official exports is byte-identical", async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-nom-"));
  const files = await generate(out);
  expect(files.length).toBe(2);
  for (const f of files)
    expect(fs.readFileSync(f, "utf8")).toBe(
      fs.readFileSync(path.join(dataDir, path.basename(f)), "utf8")
    );
}, 120000);

interface Row {
  code: string;
  name: string;
  in2023: boolean;
  in2027: boolean;
  previous: string;
}

function researchTable(): Row[] {
  const md = fs.readFileSync(path.join(shared, "research/nomenclature-and-peers.md"), "utf8");
  const section = md.slice(md.indexOf("### 1.3"), md.indexOf("### 1.4"));
  const rows: Row[] = [];
  for (const line of section.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    if (!/^[0-9X]\.[0-9X]{2}\.\d{2}/.test(cells[1] ?? "")) continue;
    rows.push({
      code: cells[1],
      name: cells[2].replace(/\*\*/g, "").replace(/\s*\(900:[^)]*\)\s*$/, ""),
      in2023: cells[5] === "✓",
      in2027: cells[6] === "✓",
      previous: cells[8] ?? "",
    });
  }
  return rows;
}

describe("bidang 2.07, 3.32 and X.XX.01 agree with research §1.3", () => {
  const v2024 = load("kabkota-2024");
  const v2027 = load("2027");
  const rows = researchTable();

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
