// Option arguments of the functions, as users type them (any case, Indonesian synonyms),
// validated with zod so every bad option gets one clear Indonesian message.
import { z } from "zod";
import type { Accumulation, Direction } from "../model/domain";
import type { EfficiencyMethod } from "./formulas";
import type { ScaleName } from "./scales";

export type OptionResult<T> = { ok: true; value: T } | { ok: false; message: string };

const key = (v: unknown) =>
  typeof v === "number" ? String(v) : typeof v === "string" ? v.trim().toLowerCase() : v;
const isBlank = (v: unknown) =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

function option<T extends string>(synonyms: Record<string, T>, label: string, choices: string) {
  return z
    .preprocess(
      key,
      z.enum(Object.keys(synonyms) as [string, ...string[]], {
        message: `${label} tidak dikenal; pilihan: ${choices}`,
      })
    )
    .transform((k) => synonyms[k]);
}

const directionSchema = option<Direction>(
  {
    naik: "naik",
    positif: "naik",
    "+": "naik",
    "1": "naik",
    turun: "turun",
    negatif: "turun",
    "-": "turun",
    "-1": "turun",
    "turun-rasio": "turun-rasio",
    "turun rasio": "turun-rasio",
    rasio: "turun-rasio",
  },
  "Arah",
  '"naik", "turun", "turun-rasio"'
);
const methodSchema = option<EfficiencyMethod>(
  { sisa: "sisa", selisih: "selisih", rasio: "rasio" },
  "Metode efisiensi",
  '"sisa", "selisih", "rasio"'
);
const accumulationSchema = option<Accumulation>(
  {
    jumlah: "jumlah",
    sum: "jumlah",
    terakhir: "terakhir",
    akhir: "terakhir",
    last: "terakhir",
    rata: "rata",
    "rata-rata": "rata",
    average: "rata",
  },
  "Akumulasi",
  '"jumlah", "terakhir", "rata"'
);
const scaleSchema = option<ScaleName>(
  {
    permendagri86: "permendagri86",
    "permendagri 86": "permendagri86",
    permendagri: "permendagri86",
    lkjip: "lkjip",
    target: "target",
  },
  "Skala",
  '"permendagri86", "lkjip", "target", atau rentang 2 kolom (batas bawah, label)'
);
const decimalsSchema = z.preprocess(
  (v) => (typeof v === "string" ? Number(v.trim().replace(",", ".")) : v),
  z
    .number({ message: "Desimal harus berupa bilangan bulat 0–10" })
    .int("Desimal harus berupa bilangan bulat 0–10")
    .min(0, "Desimal minimal 0")
    .max(10, "Desimal maksimal 10")
);

function parse<T>(schema: z.ZodType<T>, value: unknown, fallback: T): OptionResult<T> {
  if (isBlank(value)) return { ok: true, value: fallback };
  const r = schema.safeParse(value);
  return r.success
    ? { ok: true, value: r.data }
    : { ok: false, message: r.error.issues[0]?.message ?? "Opsi tidak sah" };
}

export const parseDirection = (v: unknown) => parse(directionSchema, v, "naik" as Direction);
export const parseMethod = (v: unknown) =>
  parse<EfficiencyMethod | undefined>(methodSchema, v, undefined);
export const parseAccumulation = (v: unknown) =>
  parse<Accumulation | undefined>(accumulationSchema, v, undefined);
export const parseScaleName = (v: unknown) => parse(scaleSchema, v, "permendagri86" as ScaleName);
export const parseDecimals = (v: unknown) => parse(decimalsSchema, v, 2);
