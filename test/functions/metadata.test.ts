// Runs the same generator the webpack plugin uses and checks the published contract of every
// function: ids, names, parameters, matrix dimensionality.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

interface Param {
  name: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  parameters: Param[];
  result: { dimensionality?: string };
}

const root = path.resolve(__dirname, "../..");
let functions: Fn[];

beforeAll(() => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-meta-")), "functions.json");
  execFileSync(
    path.join(root, "node_modules/.bin/custom-functions-metadata"),
    ["generate", path.join(root, "src/functions/functions.ts"), out],
    { cwd: root, stdio: "pipe" }
  );
  functions = JSON.parse(fs.readFileSync(out, "utf8")).functions;
});

const expected: Record<string, string[]> = {
  CAPAIAN: ["realisasi", "target", "arah?", "desimal?"],
  KATEGORI: ["capaian", "skala?"],
  EFISIENSI: ["pagu", "realisasi_anggaran", "capaian_kinerja?", "metode?", "desimal?"],
  SERAPAN: ["realisasi_anggaran", "pagu", "desimal?"],
  REALISASI: ["nilai_triwulan", "akumulasi?"],
  ANGKA: ["teks"],
  NAMAKODE: ["kode", "tahun?"],
  CEKKODE: ["kode", "tahun?"],
};

// Built-in Excel names (English and Indonesian localisation) and Excel 4 macro names to avoid.
const RESERVED = new Set([
  "SUM",
  "AVERAGE",
  "ROUND",
  "IF",
  "RUN",
  "ECHO",
  "JUMLAH",
  "RATARATA",
  "BULATKAN",
  "JIKA",
  "NILAI",
  "TEKS",
]);

test("every function is published with its parameters", () => {
  const byId = Object.fromEntries(functions.map((f) => [f.id, f]));
  expect(Object.keys(byId).sort()).toEqual(Object.keys(expected).sort());
  for (const [id, params] of Object.entries(expected)) {
    const f = byId[id];
    expect(f.parameters.map((p) => p.name + (p.optional ? "?" : ""))).toEqual(params);
    expect(f.description.length).toBeGreaterThan(10);
  }
});

test("ids and names are valid, not cell-like, not reserved", () => {
  for (const f of functions) {
    expect(f.id).toMatch(/^[A-Za-z][A-Za-z0-9._]*$/);
    expect(f.name).toBe(f.id);
    expect(f.name.length).toBeGreaterThanOrEqual(3);
    expect(f.name).not.toMatch(/^[A-Za-z]{1,3}[0-9]+$/); // looks like a cell (ABC1)
    expect(f.name).not.toMatch(/^R[0-9]*C[0-9]*$/); // R1C1
    expect(RESERVED.has(f.name)).toBe(false);
  }
});

test("range-capable inputs are matrices and results spill", () => {
  const capaian = functions.find((f) => f.id === "CAPAIAN")!;
  expect(capaian.parameters[0].dimensionality).toBe("matrix");
  expect(capaian.parameters[1].dimensionality).toBe("matrix");
  expect(capaian.result.dimensionality).toBe("matrix");
});
