// Fill planning (docs/DOMAIN.md §5): every computation recognition decided for the sheet, row
// by row, as native Excel formulas where the inputs are numeric cells (values otherwise).
// One runner for every computation kind (computations/): read inputs, memoise the value,
// build the formula text once per input shape and join it with each row's number.
import Decimal from "decimal.js";
import type { Grid, Recognition, RowOverride, Settings } from "../model";
import { layoutById } from "../sheet/layouts";
import { buildRows, type SheetModel } from "../sheet/rows";
import { kindOf, type KindContext, type Result } from "./computations";
import { RowDecisions } from "./decisions";
import { planFooters } from "./footers";
import { RowInputs, type Input } from "./inputs";
import { Memo } from "./memo";
import { ROW_TAG } from "./excel-formulas";
import type { ComputedCell, DetailedPlan } from "./plan-types";

export type { ComputedCell, DetailedPlan, RowPlan } from "./plan-types";

/** The settings' scale, unless it is the default and the sheet's own labels use another. */
function scaleFor(rec: Recognition, settings: Settings) {
  return settings.scale === "permendagri86" ? (rec.scale ?? settings.scale) : settings.scale;
}

/** Decimals of computed values feed later computations: one instance per distinct number. */
function decimalCache(): (v: number | string | null) => Decimal | null {
  const decs = new Map<number, Decimal>();
  return (v) => {
    if (typeof v !== "number") return null;
    let d = decs.get(v);
    if (d === undefined) {
      d = new Decimal(String(v));
      if (decs.size < 100000) decs.set(v, d);
    }
    return d;
  };
}

/** Computes every computed cell of the sheet (the plan before diffing against the grid). */
export function computeSheet(
  grid: Grid,
  rec: Recognition,
  settings: Settings,
  overrides: Record<number, RowOverride> = {},
  model: SheetModel = buildRows(grid, rec)
): DetailedPlan {
  const ctx: KindContext = {
    decimals: settings.decimals,
    scale: scaleFor(rec, settings),
    method: settings.efficiencyMethod ?? rec.efficiencyMethod ?? "sisa",
  };
  const out: DetailedPlan = {
    model,
    rows: [],
    footers: [],
    efficiencyMethod: ctx.method,
    scale: ctx.scale,
    decimals: ctx.decimals,
  };
  const cols = rec.columns as Record<string, number>;
  const comps = rec.computations.filter((c) => cols[c.out] !== undefined);
  const kinds = comps.map(kindOf);
  const inputRoles = comps.map((c, i) => kinds[i].inputs(c as never));
  const inputs = new RowInputs(grid, cols, decimalCache());
  const decisions = new RowDecisions(overrides);
  const memo = new Memo<Result>();
  // per computation: input shape + mode → formula template split at ROW_TAG
  const templates = comps.map(() => new Map<string, string[] | null>());
  // every row gets the same keys in the same order: one object shape
  const blank: Record<string, ComputedCell | null> = {};
  for (const c of comps) blank[c.out] = null;
  const ins: Input[] = [];
  for (const record of model.rows) {
    if (record.kind !== "data") continue;
    const decision = decisions.decide(record);
    const cells: Record<string, ComputedCell | null> = { ...blank };
    const rowStr = String(record.row + 1);
    inputs.begin(record, cells);
    for (let ci = 0; ci < comps.length; ci++) {
      const comp = comps[ci];
      const kind = kinds[ci];
      const roles = inputRoles[ci];
      inputs.shape = 0;
      ins.length = roles.length;
      for (let i = 0; i < roles.length; i++) ins[i] = inputs.read(roles[i], i);
      const mode = kind.mode(comp as never, decision, ctx);
      memo.start().key(ci).key(mode);
      for (let i = 0; i < roles.length; i++) memo.key(ins[i].value);
      const res = memo.get() ?? memo.set(kind.evaluate(comp as never, ins, mode, ctx));
      const key = `${inputs.shape}|${mode}`;
      let tpl = templates[ci].get(key);
      if (tpl === undefined) {
        const f = settings.valuesOnly ? null : kind.formula(comp as never, ins, mode, ctx);
        templates[ci].set(key, (tpl = f === null ? null : f.split(ROW_TAG)));
      }
      cells[comp.out] = {
        role: comp.out,
        row: record.row,
        col: cols[comp.out],
        value: res.ok ? res.value : null,
        formula: tpl === null ? null : tpl.length === 1 ? tpl[0] : tpl.join(rowStr),
        error: res.ok ? null : res,
      };
    }
    out.rows.push({ record, decision, cells: cells as Record<string, ComputedCell> });
  }
  if (layoutById(rec.layout)?.footers)
    out.footers = planFooters({
      rec,
      model,
      rows: out.rows,
      scale: ctx.scale,
      decimals: ctx.decimals,
      valuesOnly: settings.valuesOnly,
    });
  return out;
}
