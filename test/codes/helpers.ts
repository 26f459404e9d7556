// Loads the generated nomenclature data straight from src/codes/data (no webpack chunks).
import * as fs from "fs";
import * as path from "path";
import { indicatorTable, prepare, type Nomenclature } from "../../src/codes/api";
import type { IndicatorData, NomenclatureData, Scope } from "../../src/codes/types";

export const dataDir = path.resolve(__dirname, "../../src/codes/data");

const json = <T>(file: string): T =>
  JSON.parse(fs.readFileSync(path.join(dataDir, file), "utf8")) as T;

/** File id of a version's list for a scope (the 2024 version is kab/kota only). */
const list = (v: "kabkota-2024" | "2027", scope: Scope) =>
  v === "kabkota-2024" ? v : `${scope}-2027`;

const cache = new Map<string, Nomenclature>();
export function nomenclature(v: "kabkota-2024" | "2027", scope: Scope = "kabkota"): Nomenclature {
  const id = list(v, scope);
  if (!cache.has(id)) cache.set(id, prepare(json<NomenclatureData>(`nomenklatur-${id}.json`)));
  return cache.get(id)!;
}

export function indicators(v: "kabkota-2024" | "2027", scope: Scope = "kabkota") {
  return indicatorTable(json<IndicatorData>(`indikator-${list(v, scope)}.json`));
}
