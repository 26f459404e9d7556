// Task-pane logic, separate from the DOM so it can be tested with the fake Excel host:
// recognise → validate → preview → write → undo, with the user's corrections and settings
// saved in the workbook. The view renders `state` and calls the actions below.
import { DEFAULT_SETTINGS, type Settings } from "../model/settings";
import { planFill, recognise, validate } from "../engine";
import type { ColumnMapping, Recognition } from "../model/recognition";
import type { RowOverride } from "../model/plan";
import type { Issue } from "../model/issue";
import type { FillPlan } from "../model/plan";
import type { Grid } from "../model/grid";
import { ExcelGateway, HIGHLIGHT_COLORS, type AddedFormat } from "../excel/gateway";
import { chartFor, predikatFor, summaryFor } from "../app/visuals";
import { chosenFix, planFixes, planFixRounds, selectFixes, type FixPlan } from "../app/perbaiki";
import { planMigration, type MigrationReport } from "../app/migrasi";
import type { PlannedWrite } from "../model/plan";
import { documentStore, officeErrorMessage, type KeyValueStore } from "../excel/helpers";

const SETTINGS_KEY = "kinerja.pengaturan";
const MAPPING_KEY = "kinerja.pemetaan";
/** The conditional formats Kinerja added (exact range + formula), so removal touches only these. */
const COLOURS_KEY = "kinerja.warna";

export type Phase =
  | "idle"
  | "busy"
  | "recognised"
  | "validated"
  | "preview"
  | "written"
  /** Fixes or the TA 2027 migration previewed: nothing written yet. */
  | "fix-preview";

/** A batch of fixes or the migration, previewed before anything is written. */
export interface FixPreview {
  kind: "perbaiki" | "migrasi";
  sheet: string;
  plan: FixPlan;
  /** The migration's report (null with `reason` when there is nothing to migrate). */
  migration?: { report: MigrationReport | null; reason: string | null };
}

/** One write that Batalkan can undo exactly (the last one first). */
export interface WriteRecord {
  kind: "isi" | "perbaiki" | "migrasi";
  sheet: string;
  writes: PlannedWrite[];
  /** The nomenclature year before a migration switched it to 2027 (restored on undo). */
  nomenclatureYearBefore?: number | null;
}

export interface TaskpaneState {
  phase: Phase;
  /** Outside Excel (browser) or no workbook. */
  outsideExcel: boolean;
  status: string | null;
  error: string | null;
  sheetName: string | null;
  emptySheet: boolean;
  grid: Grid | null;
  recognition: Recognition | null;
  issues: Issue[] | null;
  nomenclatureVersion: string | null;
  plan: FillPlan | null;
  overrides: Record<number, RowOverride>;
  /** The fixes or migration being previewed. */
  fixPreview: FixPreview | null;
  /** Writes that Batalkan undoes, the last one at the end. */
  undo: WriteRecord[];
  /** Highlights on a sheet: the sheet and each cell's fill before (to clear them exactly). */
  highlighted: { sheet: string; before: Record<string, string | null> } | null;
  settings: Settings;
}

type Listener = (s: TaskpaneState) => void;

export class TaskpaneController {
  state: TaskpaneState;
  private listeners: Listener[] = [];
  /** On screen? In the shared runtime the page also runs hidden, for the custom functions. */
  private visible = true;
  /** The sheet may have changed since it was read (nothing read yet, or another sheet activated). */
  private stale = true;

  constructor(
    private readonly gateway: ExcelGateway | null,
    private readonly store: KeyValueStore = documentStore(null)
  ) {
    this.state = {
      phase: "idle",
      outsideExcel: gateway === null,
      status: null,
      error: null,
      sheetName: null,
      emptySheet: false,
      grid: null,
      recognition: null,
      issues: null,
      nomenclatureVersion: null,
      plan: null,
      overrides: {},
      fixPreview: null,
      undo: [],
      highlighted: null,
      settings: { ...DEFAULT_SETTINGS, ...(store.get<Partial<Settings>>(SETTINGS_KEY) ?? {}) },
    };
  }

  subscribe(l: Listener): void {
    this.listeners.push(l);
    l(this.state);
  }

  private set(patch: Partial<TaskpaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }

  private async guard(status: string, fn: () => Promise<void>): Promise<void> {
    if (!this.gateway) {
      this.set({ error: "Kinerja hanya dapat membaca sheet bila dibuka di dalam Excel." });
      return;
    }
    const previous = this.state.phase;
    this.set({ phase: "busy", status, error: null });
    try {
      await fn();
    } catch (e) {
      this.set({
        phase: previous === "busy" ? "idle" : previous,
        status: null,
        error: officeErrorMessage(e),
      });
    }
  }

  private mappingFor(sheet: string): ColumnMapping | undefined {
    return this.store.get<Record<string, ColumnMapping>>(MAPPING_KEY)?.[sheet];
  }

  /** Kenali tabel: reads the active sheet (one round trip) and recognises its layout. */
  recognise(): Promise<void> {
    this.stale = false;
    return this.guard("Membaca sheet…", async () => {
      const snap = await this.gateway!.readActiveSheet();
      const sheet = snap.grid.name;
      if (snap.empty) {
        this.set({
          phase: "idle",
          status: null,
          sheetName: sheet,
          emptySheet: true,
          grid: null,
          recognition: null,
          issues: null,
          plan: null,
          fixPreview: null,
        });
        return;
      }
      const rec = recognise(snap.grid, this.mappingFor(sheet));
      this.set({
        phase: "recognised",
        status: null,
        sheetName: sheet,
        emptySheet: false,
        grid: snap.grid,
        recognition: rec,
        issues: null,
        plan: null,
        fixPreview: null,
        overrides: {},
      });
    });
  }

  /**
   * The user switched sheets: the pane's reading is stale. Visible, the pane recognises the new
   * sheet at once (the old sheet's issues and preview no longer apply; its undo and highlights
   * stay available); hidden, it reads nothing until shown or until a ribbon command asks.
   */
  async sheetActivated(): Promise<void> {
    this.stale = true;
    if (!this.visible || this.state.phase === "busy") return;
    await this.recognise();
  }

  /** The pane was shown or hidden (Office.addin.onVisibilityModeChanged): read what is stale. */
  async setVisible(visible: boolean): Promise<void> {
    this.visible = visible;
    if (visible && this.stale && this.state.phase !== "busy") await this.recognise();
  }

  /** Validasi sheet. */
  async validate(): Promise<void> {
    await this.recognise();
    const { grid, recognition } = this.state;
    if (!grid || !recognition) return;
    await this.guard("Memeriksa…", async () => {
      const analysis = await validate(grid, recognition, this.state.settings);
      this.set({
        phase: "validated",
        status: null,
        issues: analysis.issues,
        nomenclatureVersion: analysis.nomenclatureVersion,
      });
    });
  }

  /** Isi kolom capaian, step 1: the preview (nothing is written). */
  async preview(): Promise<void> {
    await this.recognise();
    const { grid, recognition } = this.state;
    if (!grid || !recognition) return;
    if (!recognition.layout) {
      this.set({
        error: "Tata letak tabel belum dikenali; atur peran kolom di bagian Kenali tabel.",
      });
      return;
    }
    this.set({
      phase: "preview",
      plan: planFill(grid, recognition, this.state.settings, this.state.overrides),
    });
  }

  /** Changes the accumulation or direction of one row and recomputes the preview. */
  override(row: number, change: RowOverride): void {
    const { grid, recognition } = this.state;
    if (!grid || !recognition) return;
    const overrides = {
      ...this.state.overrides,
      [row]: { ...this.state.overrides[row], ...change },
    };
    this.set({ overrides, plan: planFill(grid, recognition, this.state.settings, overrides) });
  }

  /** Isi kolom capaian, step 2: writes what the preview showed. */
  write(): Promise<void> {
    const { plan, sheetName } = this.state;
    if (!plan || !sheetName) return Promise.resolve();
    return this.guard("Menulis ke sheet…", async () => {
      const result = await this.gateway!.applyPlan(sheetName, plan.writes);
      // Excel Tables written as values, spills left alone: the gateway says so (Indonesian)
      this.set({
        phase: "written",
        status: [
          `${result.written} sel ditulis. Tekan Batalkan untuk mengembalikan isi semula.`,
          ...result.notes,
        ].join(" "),
        undo: [...this.state.undo, { kind: "isi", sheet: sheetName, writes: plan.writes }],
      });
    });
  }

  /** Batalkan: restores exactly what was there before the last write. */
  async undo(): Promise<void> {
    const last = this.state.undo[this.state.undo.length - 1];
    if (!last) return;
    let restored = false;
    await this.guard("Mengembalikan isi semula…", async () => {
      await this.gateway!.restore(last.sheet, last.writes);
      if (last.nomenclatureYearBefore !== undefined)
        await this.saveSettings({ nomenclatureYear: last.nomenclatureYearBefore });
      this.set({ undo: this.state.undo.slice(0, -1), plan: null, phase: "idle" });
      restored = true;
    });
    if (!restored) return;
    // the findings were those of the fixed sheet: validate the restored one again
    if (last.kind !== "isi" && this.state.sheetName === last.sheet) await this.validate();
    this.set({ status: "Isi sel dikembalikan seperti semula." });
  }

  /** Perbaiki (one finding): the preview of its fix, or of its choice number `choice`. */
  previewFix(issue: Issue, choice?: number): void {
    const { grid, recognition, sheetName } = this.state;
    const chosen = chosenFix(issue, choice);
    if (!grid || !recognition || !sheetName || !chosen) return;
    this.showFixes({
      kind: "perbaiki",
      sheet: sheetName,
      plan: planFixes(grid, recognition, [chosen]),
    });
  }

  /** Perbaiki semua yang aman: every safe fix, in rounds, as one preview. */
  previewSafeFixes(): Promise<void> {
    const { grid, recognition, sheetName } = this.state;
    if (!grid || !recognition || !sheetName) return Promise.resolve();
    return this.guard("Menyiapkan perbaikan…", async () => {
      const plan = await planFixRounds(grid, recognition, this.state.settings, (issues) =>
        selectFixes(issues, { safeOnly: true })
      );
      this.showFixes({ kind: "perbaiki", sheet: sheetName, plan });
    });
  }

  /** Perbarui ke nomenklatur TA 2027: reads the sheet, plans the migration, shows the report. */
  async previewMigration(): Promise<void> {
    await this.recognise();
    const { grid, recognition, sheetName } = this.state;
    if (!grid || !recognition || !sheetName) return;
    await this.guard("Memetakan kode ke nomenklatur TA 2027…", async () => {
      const m = await planMigration(grid, recognition, this.state.settings);
      if (!m.report) {
        this.set({ phase: "recognised", status: null, error: m.reason });
        return;
      }
      this.showFixes({
        kind: "migrasi",
        sheet: sheetName,
        plan: m.plan,
        migration: { report: m.report, reason: m.reason },
      });
    });
  }

  private showFixes(preview: FixPreview): void {
    this.set({ phase: "fix-preview", status: null, error: null, fixPreview: preview });
  }

  /** Batal: leaves the preview; nothing was written. */
  cancelFixes(): void {
    this.set({ fixPreview: null, phase: this.state.issues ? "validated" : "recognised" });
  }

  /** Tulis perbaikan: writes the previewed fixes (or migration), then validates again. */
  async writeFixes(): Promise<void> {
    const fp = this.state.fixPreview;
    if (!fp || fp.plan.blocked || !fp.plan.writes.length) return;
    let notes: string[] = [];
    let written = false;
    await this.guard("Menulis ke sheet…", async () => {
      ({ notes } = await this.gateway!.applyPlan(fp.sheet, fp.plan.writes));
      const record: WriteRecord = { kind: fp.kind, sheet: fp.sheet, writes: fp.plan.writes };
      if (fp.kind === "migrasi" && this.state.settings.nomenclatureYear !== 2027) {
        // the sheet now uses the 2027 codes: validate against the 2027 list from here on
        record.nomenclatureYearBefore = this.state.settings.nomenclatureYear;
        await this.saveSettings({ nomenclatureYear: 2027 });
      }
      this.set({ undo: [...this.state.undo, record], fixPreview: null });
      written = true;
    });
    if (!written) return;
    await this.validate();
    const n = fp.plan.writes.length;
    this.set({
      status:
        (fp.kind === "migrasi"
          ? `Migrasi ditulis (${n} sel). Validasi kini memakai nomenklatur TA 2027 (Pengaturan → Tahun nomenklatur).`
          : `${fp.plan.applied.length} perbaikan ditulis (${n} sel).`) +
        " Tekan Batalkan untuk mengembalikan isi semula." +
        notes.map((note) => ` ${note}`).join(""),
    });
  }

  select(issue: Issue): Promise<void> {
    const sheet = this.state.sheetName;
    if (!sheet) return Promise.resolve();
    return this.guard("Memilih sel…", async () => {
      await this.gateway!.select(sheet, issue.cell);
      this.set({ phase: this.state.issues ? "validated" : "recognised", status: null });
    });
  }

  toggleHighlights(): Promise<void> {
    const sheet = this.state.sheetName;
    const issues = this.state.issues ?? [];
    if (!sheet) return Promise.resolve();
    const phase = this.state.phase;
    return this.guard(this.state.highlighted ? "Menghapus sorotan…" : "Menyorot sel…", async () => {
      if (this.state.highlighted) {
        // the sheet the highlights are on, even if the user has moved to another one since
        const { sheet: on, before } = this.state.highlighted;
        await this.gateway!.clearHighlights(on, before);
        this.set({ phase, status: null, highlighted: null });
      } else {
        const cells = new Map<string, string>();
        for (const i of issues)
          if (!cells.has(i.cell) || i.severity === "error")
            cells.set(i.cell, HIGHLIGHT_COLORS[i.severity]);
        const before = await this.gateway!.highlight(
          sheet,
          [...cells].map(([cell, color]) => ({ cell, color }))
        );
        this.set({ phase, status: null, highlighted: { sheet, before } });
      }
    });
  }

  /** Reads and recognises the sheet; null (with an Indonesian error set) when there is no table. */
  private async recognisedTable() {
    await this.recognise();
    const { grid, recognition, sheetName } = this.state;
    if (!grid || !recognition || !sheetName) return null;
    if (!recognition.layout || !recognition.dataRows) {
      this.set({
        error: "Tata letak tabel belum dikenali; atur peran kolom di bagian Kenali tabel.",
      });
      return null;
    }
    return {
      grid,
      recognition,
      sheetName,
      plan: planFill(grid, recognition, this.state.settings, this.state.overrides),
    };
  }

  /** Warnai predikat: native conditional formats on the capaian and kategori columns. */
  async colourPredikat(): Promise<void> {
    const t = await this.recognisedTable();
    if (!t) return;
    const rules = predikatFor(t.grid, t.recognition, this.state.settings);
    if (!rules.length) {
      this.set({ error: "Tabel ini tidak memiliki kolom capaian atau kategori untuk diwarnai." });
      return;
    }
    await this.guard("Mewarnai predikat…", async () => {
      const saved = this.store.get<AddedFormat[]>(COLOURS_KEY) ?? [];
      // Colouring twice would stack formats: the previous ones of this sheet go first.
      if (saved.some((a) => a.sheet === t.sheetName))
        await this.gateway!.removePredikatColours(t.sheetName, saved);
      const added = await this.gateway!.applyPredikatColours(t.sheetName, rules);
      await this.store.set(COLOURS_KEY, [
        ...saved.filter((a) => a.sheet !== t.sheetName),
        ...added,
      ]);
      this.set({
        phase: "recognised",
        status: `Warna predikat ditambahkan pada ${new Set(rules.map((r) => r.range)).size} kolom (format bersyarat; mengikuti angka bila berubah).`,
      });
    });
  }

  /** Hapus warna: removes only the formats Kinerja added on the active sheet. */
  async removeColours(): Promise<void> {
    await this.recognise();
    const sheet = this.state.sheetName;
    if (!sheet) return;
    await this.guard("Menghapus warna predikat…", async () => {
      const saved = this.store.get<AddedFormat[]>(COLOURS_KEY) ?? [];
      const { removed } = await this.gateway!.removePredikatColours(sheet, saved);
      await this.store.set(
        COLOURS_KEY,
        saved.filter((a) => a.sheet !== sheet)
      );
      this.set({
        phase: "recognised",
        status: removed
          ? `${removed} format warna predikat dihapus; format lain tidak diubah.`
          : "Tidak ada warna predikat dari Kinerja di sheet ini.",
      });
    });
  }

  /** Grafik capaian: a native chart on its own sheet, drawn from formulas on the table. */
  async capaianChart(): Promise<void> {
    const t = await this.recognisedTable();
    if (!t) return;
    const chart = chartFor(t.grid, t.recognition, t.plan, this.state.settings);
    if (!chart) {
      this.set({
        error: "Tidak ada capaian yang dapat digambar; isi kolom capaian terlebih dahulu.",
      });
      return;
    }
    await this.guard("Membuat grafik capaian…", async () => {
      const used = await this.gateway!.addCapaianChart(chart);
      this.set({ phase: "recognised", status: `Grafik dibuat di sheet "${used}".` });
    });
  }

  /** Buat Ringkasan: a summary sheet of formulas that point at the table. */
  async summarySheet(): Promise<void> {
    const t = await this.recognisedTable();
    if (!t) return;
    const plan = summaryFor(t.grid, t.recognition, t.plan, this.state.settings);
    if (!plan) {
      this.set({ error: "Tabel ini tidak memiliki kolom capaian; ringkasan tidak dapat dibuat." });
      return;
    }
    await this.guard("Membuat ringkasan…", async () => {
      const used = await this.gateway!.writeSummarySheet(plan.sheetName, plan.cells);
      this.set({ phase: "recognised", status: `Ringkasan ditulis di sheet "${used}".` });
    });
  }

  /** A correction of the recognised roles, saved with the workbook and used next time. */
  async saveMapping(mapping: ColumnMapping): Promise<void> {
    const sheet = this.state.sheetName;
    if (!sheet) return;
    const all = {
      ...(this.store.get<Record<string, ColumnMapping>>(MAPPING_KEY) ?? {}),
      [sheet]: mapping,
    };
    await this.store.set(MAPPING_KEY, all);
    await this.recognise();
  }

  async saveSettings(patch: Partial<Settings>): Promise<void> {
    const settings = { ...this.state.settings, ...patch };
    this.set({ settings });
    await this.store.set(SETTINGS_KEY, settings);
  }
}

// The ribbon commands run in the same shared runtime and drive the one controller.
let current: TaskpaneController | null = null;

export function setController(c: TaskpaneController): void {
  current = c;
}

export async function runCommand(kind: "validasi" | "isi"): Promise<void> {
  if (!current) return;
  if (kind === "validasi") await current.validate();
  else await current.preview();
}
