// Fill planning (docs/DOMAIN.md §5): every computation recognition decided for the sheet, row
// by row, as native Excel formulas where the inputs are numeric cells (values otherwise).
// One runner for every computation kind (computations/): read inputs, memoise the value,
// build the formula text once per input shape and join it with each row's number.
import Decimal from "decimal.js";
import type {
  ColumnRoles,
  Computation,
  Grid,
  Recognition,
  RoleId,
  RoleMap,
  RowDecision,
  RowOverride,
  Settings,
} from "../model";
import { layoutById } from "../sheet/layouts";
import { buildRows, type RowRecord, type SheetModel } from "../sheet/rows";
import { kindOf, type ComputationKind, type KindContext, type Result } from "./computations";
import { RowDecisions } from "./decisions";
import { planFooters } from "./footers";
import { RowInputs, type Input, type InputSource } from "./inputs";
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

/** One computation of the sheet, with everything the rows share worked out once. */
interface Prepared {
  comp: Computation;
  kind: ComputationKind<Computation>;
  out: RoleId;
  col: number;
  sources: InputSource[];
  /** The input slots of this computation (reused on every row). */
  ins: Input[];
  memo: Memo<Result>;
  /** Input shape → row mode → formula template split at ROW_TAG (null: a value is written). */
  templates: Map<number, Map<string, string[] | null>>;
  /** The previous row's mode, input values, result, shape and template: neighbouring rows often repeat them. */
  last: {
    mode: string | null;
    values: unknown[];
    result: Result | null;
    shape: number;
    tpl: string[] | null;
  };
}

function prepare(comps: Computation[], cols: ColumnRoles): Prepared[] {
  return comps.map((comp, ci) => {
    const kind = kindOf(comp) as ComputationKind<Computation>;
    const sources = kind.inputs(comp).map((role) => {
      let producer = -1;
      for (let j = 0; j < ci; j++) if (comps[j].out === role) producer = j;
      return { role, col: cols[role] ?? -1, producer };
    });
    return {
      comp,
      kind,
      out: comp.out,
      col: cols[comp.out]!,
      sources,
      ins: [],
      memo: new Memo<Result>(),
      templates: new Map(),
      last: {
        mode: null,
        values: sources.map(() => undefined),
        result: null,
        shape: -1,
        tpl: null,
      },
    };
  });
}

/** The formula template of a computation for the inputs' shape and the row's mode. */
function template(
  p: Prepared,
  shape: number,
  mode: string,
  ctx: KindContext,
  valuesOnly: boolean
): string[] | null {
  const last = p.last;
  if (last.shape === shape && last.mode === mode) return last.tpl;
  let byMode = p.templates.get(shape);
  if (!byMode) p.templates.set(shape, (byMode = new Map()));
  let tpl = byMode.get(mode);
  if (tpl === undefined) {
    const f = valuesOnly ? null : p.kind.formula(p.comp, p.ins, mode, ctx);
    byMode.set(mode, (tpl = f === null ? null : f.split(ROW_TAG)));
  }
  last.shape = shape;
  last.tpl = tpl;
  return tpl;
}

/** The computation's value for the row's inputs and mode (pure: memoised). */
function evaluate(p: Prepared, mode: string, ctx: KindContext): Result {
  const { last, ins } = p;
  let same = last.mode === mode && last.result !== null;
  for (let i = 0; same && i < ins.length; i++) same = last.values[i] === ins[i].value;
  if (same) return last.result!;
  p.memo.start().key(mode);
  for (let i = 0; i < ins.length; i++) p.memo.key((last.values[i] = ins[i].value));
  const res = p.memo.get() ?? p.memo.set(p.kind.evaluate(p.comp, ins, mode, ctx));
  last.result = res;
  return res;
}

/** Runs the sheet's computations over the data rows (the row loop of computeSheet). */
class Runner {
  private readonly inputs: RowInputs;
  /** The row's computed cells by computation index (read by the later computations). */
  private readonly done: (ComputedCell | null)[];
  /** Every row's cells get the same keys in the same order: one object shape (built in one go, see NumberReader). */
  private readonly blank: RoleMap<ComputedCell | null>;
  constructor(
    grid: Grid,
    private readonly prepared: Prepared[],
    private readonly ctx: KindContext,
    private readonly valuesOnly: boolean
  ) {
    this.inputs = new RowInputs(grid, decimalCache());
    this.done = prepared.map(() => null);
    this.blank = Object.fromEntries(prepared.map((p) => [p.out, null]));
  }
  row(record: RowRecord, decision: RowDecision): RoleMap<ComputedCell> {
    const cells: RoleMap<ComputedCell | null> = { ...this.blank };
    const { inputs, done } = this;
    const rowStr = String(record.row + 1);
    inputs.begin(record, done);
    for (let ci = 0; ci < this.prepared.length; ci++) {
      const p = this.prepared[ci];
      inputs.shape = 0;
      for (let i = 0; i < p.sources.length; i++) p.ins[i] = inputs.read(p.sources[i], i);
      const mode = p.kind.mode(p.comp, decision, this.ctx);
      const res = evaluate(p, mode, this.ctx);
      const tpl = template(p, inputs.shape, mode, this.ctx, this.valuesOnly);
      p.last.mode = mode;
      const cell: ComputedCell = {
        role: p.out,
        row: record.row,
        col: p.col,
        value: res.ok ? res.value : null,
        formula: tpl === null ? null : tpl.length === 1 ? tpl[0] : tpl.join(rowStr),
        error: res.ok ? null : res,
      };
      cells[p.out] = done[ci] = cell;
    }
    return cells as RoleMap<ComputedCell>;
  }
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
  const cols = rec.columns;
  const comps = rec.computations.filter((c) => cols[c.out] !== undefined);
  const runner = new Runner(grid, prepare(comps, cols), ctx, settings.valuesOnly);
  const decisions = new RowDecisions(overrides);
  for (let ri = 0; ri < model.rows.length; ri++) {
    const record = model.rows[ri];
    if (record.kind !== "data") continue;
    const decision = decisions.decide(record);
    out.rows.push({ record, decision, cells: runner.row(record, decision) });
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
