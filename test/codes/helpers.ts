// Loads the generated nomenclature data straight from src/codes/data (no webpack chunks).
import * as fs from "fs";
import * as path from "path";
import { indicatorTable, prepare, type Nomenclature } from "../../src/codes/api";
import type { IndicatorData, NomenclatureData, Scope } from "../../src/codes/types";

export const dataDir = path.resolve(__dirname, "../../src/codes/data");

const json = <T>(file: string): T =>
  JSON.parse(fs.readFileSync(path.join(dataDir, file), "utf8")) as T;

const cache = new Map<string, Nomenclature>();
export function nomenclature(v: "kabkota-2024" | "2027", scope: Scope = "kabkota"): Nomenclature {
  const key = `${v}:${scope}`;
  if (!cache.has(key))
    cache.set(key, prepare(json<NomenclatureData>(`nomenklatur-${v}.json`), scope));
  return cache.get(key)!;
}

export function indicators(v: "kabkota-2024" | "2027", scope: Scope = "kabkota") {
  return indicatorTable(json<IndicatorData>(`indikator-${v}.json`), scope);
}
