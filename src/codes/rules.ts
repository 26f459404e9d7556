// Code checks of a recognised table (DOMAIN §6), one small rule per kode.* family in
// src/codes/checks/, run here in a fixed order over the coded rows. A rule may stop the later
// ones for its row (an unreadable code, a placeholder, a provincial kegiatan, an unknown code).
// A sheet whose codes belong to an old regime (src/codes/regime.ts) gets one kode.rezim finding
// instead of a finding per row.
import type { Issue } from "../model/issue";
import { codeMemo } from "./lookups";
import { detectRegime, type Regime, type RegimeVerdict } from "./regime";
import {
  finding,
  sheetFacts,
  type CodeCheckOptions,
  type CodeLine,
  type CodeRow,
  type CodeRule,
  type RuleContext,
} from "./checks/context";
import { formatNoted, invalidCode } from "./checks/format";
import { placeholder } from "./checks/placeholder";
import { kewenangan } from "./checks/kewenangan";
import { hierarchyDepth, hierarchyPosition } from "./checks/hierarki";
import { knownCode } from "./checks/dikenal";
import { nameDiffers } from "./checks/nama";
import { indicatorDiffers } from "./checks/indikator";

export type { CodeCheckOptions, CodeRow } from "./checks/context";

/** The rules in the order they run on a row (kode.format's "unreadable" runs before all). */
export const CODE_RULES: readonly CodeRule[] = [
  formatNoted,
  placeholder,
  kewenangan,
  hierarchyPosition,
  hierarchyDepth,
  knownCode,
  nameDiffers,
  indicatorDiffers,
];

/** Every rule id the code checks may report. */
export const CODE_RULE_IDS: readonly string[] = [
  ...new Set(["kode.format", "kode.rezim", ...CODE_RULES.flatMap((r) => r.ids)]),
];

const REGIME_LABEL: Record<Exclude<Regime, "current" | "bukan-kode">, string> = {
  permendagri13:
    "kodefikasi lama Permendagri 13/2006 (diubah Permendagri 59/2007 dan 21/2011), yang berlaku sampai TA 2020",
  kegiatan3:
    "bentuk kode tahun 2020–2021 (Permendagri 90/2019, Kepmendagri 050-3708/2020) dengan kegiatan tiga digit dan sub kegiatan dua digit",
};

/** The one finding for a sheet of an old regime (null for current codes and for non-codes). */
export function regimeFinding(v: RegimeVerdict, year: number | null): Issue | null {
  if (v.regime === "current" || v.regime === "bukan-kode" || !v.example) return null;
  const why = v.byYear ? ` (dokumen TA ${year})` : "";
  const hint =
    v.regime === "kegiatan3" && (year === null || year >= 2024)
      ? ` Untuk dokumen TA 2024 ke atas, tulis kode dalam bentuk sekarang (U.BB.PP.K.KK.SSSS, mis. ${v.example.current ?? "1.01.02.2.02.0006"}) agar dapat diperiksa.`
      : "";
  const message = `Kode pada tabel ini memakai ${REGIME_LABEL[v.regime]}${why}, mis. "${v.example.text}"; kode tidak diperiksa terhadap daftar nomenklatur 2024/2027.${hint}`;
  return finding(v.example, "kode.rezim", "info", message);
}

/** Reads every coded row once; unreadable codes become kode.format errors right away. */
function readLines(rows: CodeRow[], ctx: Pick<RuleContext, "memo">, invalid: Issue[]): CodeLine[] {
  const lines: CodeLine[] = [];
  let last: CodeLine | null = null;
  for (const r of rows) {
    const reading = r.codeCells.length ? ctx.memo.read(r.codeCells) : null;
    if (!reading || reading.kind === "none") {
      const hasName = r.name && typeof r.name.value === "string" && r.name.value.trim();
      if (last && !hasName) last.more.push(r);
      else last = null;
      continue;
    }
    last = null;
    if (reading.kind === "invalid") {
      invalid.push(invalidCode(r, reading.raw, reading.reason));
      continue;
    }
    const nameText =
      r.name && typeof r.name.value === "string" ? r.name.value.trim() : reading.name;
    last = {
      input: r,
      row: r.row,
      col: r.codeCells[0].col,
      reading,
      code: reading.code,
      nameText,
      found: ctx.memo.lookup(reading.code),
      more: [],
    };
    lines.push(last);
  }
  return lines;
}

export function checkCodes(rows: CodeRow[], options: CodeCheckOptions): Issue[] {
  const sheetYear = options.sheetYear === undefined ? options.year : options.sheetYear;
  const regime = detectRegime(rows, sheetYear);
  if (regime.regime !== "current") {
    const once = regimeFinding(regime, sheetYear);
    return once ? [once] : [];
  }
  const memo = codeMemo(options.nomenclature);
  const invalid: Issue[] = [];
  const lines = readLines(rows, { memo }, invalid);
  const ctx: RuleContext = {
    options,
    nom: options.nomenclature,
    memo,
    sheet: sheetFacts(lines),
    position: { program: null, kegiatan: null },
    cache: new Map(),
  };
  const issues: Issue[] = [...invalid];
  for (const line of lines)
    for (const rule of CODE_RULES) {
      const verdict = rule.check(line, ctx);
      if (!verdict) continue;
      issues.push(...verdict.issues);
      if (verdict.stop) break;
    }
  return issues.sort((a, b) => a.row - b.row);
}
