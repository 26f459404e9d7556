// The task pane DOM. Every piece of text taken from the workbook is put in with textContent
// (never innerHTML): cell contents are untrusted.
import type { TaskpaneController, TaskpaneState } from "./controller";
import { allRoles, layoutLabel, quarterLabel, roleLabel, layoutIds, rolesOf } from "../engine";
import type { LayoutId, Recognition } from "../model/recognition";
import type { ColumnRoles, RoleId } from "../model/roles";
import type { Settings } from "../model/settings";
import type { Issue, Severity } from "../model/issue";
import type { PlannedWrite, RowDecision, RowOverride } from "../model/plan";
import { columnLetters } from "../model/grid";
import { SCALE_LABELS } from "../core/scales";
import { directionLabel } from "../core/formulas";
import type { Accumulation, Direction } from "../model/domain";
import { h, type Child } from "./dom";
import { fixPreviewCard, issueFixes, safeFixButton, undoCard } from "./fixes-view";

const SEVERITY_LABEL: Record<Severity, string> = {
  error: "Galat",
  warning: "Peringatan",
  info: "Info",
};

export function mountView(root: HTMLElement, ctl: TaskpaneController): void {
  ctl.subscribe((s) => render(root, ctl, s));
}

function render(root: HTMLElement, ctl: TaskpaneController, s: TaskpaneState): void {
  const focusedId = (document.activeElement as HTMLElement | null)?.id;
  const parts: Child[] = [
    h(
      "header",
      { class: "kn-header" },
      h("h1", {}, "Kinerja"),
      h("p", { class: "kn-sub" }, "Evaluasi Renja & LKjIP")
    ),
    s.outsideExcel
      ? h(
          "div",
          { class: "kn-card kn-empty", role: "note" },
          h("h2", {}, "Buka dari Excel"),
          h(
            "p",
            {},
            "Panel ini bekerja di dalam Excel. Di Excel: Beranda → grup Kinerja → Buka Panel."
          )
        )
      : actions(ctl, s),
    s.status
      ? h("p", { class: "kn-status", role: "status", "aria-live": "polite" }, s.status)
      : null,
    s.error ? h("p", { class: "kn-error", role: "alert" }, s.error) : null,
    !s.outsideExcel && s.emptySheet
      ? h(
          "div",
          { class: "kn-card kn-empty" },
          h(
            "p",
            {},
            `Sheet "${s.sheetName ?? ""}" kosong. Buka sheet yang berisi tabel Renja/LKjIP.`
          )
        )
      : null,
    s.fixPreview && s.phase === "fix-preview" ? fixPreviewCard(ctl, s.fixPreview) : null,
    s.undo.length && s.phase !== "preview" && s.phase !== "fix-preview" ? undoCard(ctl, s) : null,
    s.recognition ? recognitionCard(ctl, s) : null,
    s.issues ? issuesCard(ctl, s) : null,
    s.plan && (s.phase === "preview" || s.phase === "written") ? previewCard(ctl, s) : null,
    !s.outsideExcel ? settingsCard(ctl, s) : null,
  ];
  root.replaceChildren(
    ...parts.filter((p): p is Node | string => p !== null && p !== undefined && p !== false)
  );
  if (focusedId) document.getElementById(focusedId)?.focus();
}

function actions(ctl: TaskpaneController, s: TaskpaneState): HTMLElement {
  const busy = s.phase === "busy";
  return h(
    "nav",
    { class: "kn-actions", "aria-label": "Perintah Kinerja" },
    h(
      "button",
      { id: "kn-recognise", class: "kn-btn", disabled: busy, click: () => void ctl.recognise() },
      "Kenali tabel"
    ),
    h(
      "button",
      {
        id: "kn-validate",
        class: "kn-btn kn-primary",
        disabled: busy,
        click: () => void ctl.validate(),
      },
      "Validasi sheet"
    ),
    h(
      "button",
      {
        id: "kn-fill",
        class: "kn-btn kn-primary",
        disabled: busy,
        click: () => void ctl.preview(),
      },
      "Isi kolom capaian"
    ),
    h(
      "button",
      {
        id: "kn-migrate",
        class: "kn-btn",
        disabled: busy,
        click: () => void ctl.previewMigration(),
      },
      "Perbarui ke nomenklatur TA 2027"
    ),
    h(
      "button",
      { id: "kn-colour", class: "kn-btn", disabled: busy, click: () => void ctl.colourPredikat() },
      "Warnai predikat"
    ),
    h(
      "button",
      { id: "kn-uncolour", class: "kn-btn", disabled: busy, click: () => void ctl.removeColours() },
      "Hapus warna"
    ),
    h(
      "button",
      { id: "kn-chart", class: "kn-btn", disabled: busy, click: () => void ctl.capaianChart() },
      "Grafik capaian"
    ),
    h(
      "button",
      { id: "kn-summary", class: "kn-btn", disabled: busy, click: () => void ctl.summarySheet() },
      "Buat Ringkasan"
    )
  );
}

function recognitionCard(ctl: TaskpaneController, s: TaskpaneState): HTMLElement {
  const rec = s.recognition!;
  const doubtful = rec.doubts.length > 0 && !rec.confirmed;
  return h(
    "section",
    { class: "kn-card", "aria-labelledby": "kn-rec-title" },
    h("h2", { id: "kn-rec-title" }, "Kenali tabel"),
    recognitionFacts(s, rec),
    doubtful
      ? h(
          "div",
          { class: "kn-doubts", role: "alert", id: "kn-doubts" },
          h("strong", {}, "Pengenalan belum pasti — belum ada yang akan ditulis."),
          h("ul", {}, ...rec.doubts.map((d) => h("li", {}, d.reason))),
          h("p", {}, "Periksa peran kolom di bawah, lalu tekan Simpan & konfirmasi.")
        )
      : null,
    ...rec.notes.filter((n) => !n.startsWith("Ragu:")).map((n) => h("p", { class: "kn-note" }, n)),
    mappingEditor(ctl, s, rec, doubtful)
  );
}

/** What was recognised: sheet, table, year, header and data rows, the computed columns. */
function recognitionFacts(s: TaskpaneState, rec: Recognition): HTMLElement {
  const rows = (r: [number, number] | null) => (r ? `${r[0] + 1}–${r[1] + 1}` : "—");
  const computed = rec.computations
    .map((c) => rec.columns[c.out])
    .filter((c): c is number => c !== undefined)
    .map(columnLetters);
  return h(
    "dl",
    { class: "kn-facts" },
    h("dt", {}, "Sheet"),
    h("dd", {}, s.sheetName ?? ""),
    h("dt", {}, "Tabel"),
    h(
      "dd",
      { id: "kn-layout-name" },
      rec.layout
        ? `${layoutLabel(rec.layout)}${rec.variant ? ` (${rec.variant})` : ""}`
        : "Tidak dikenali"
    ),
    h("dt", {}, "Tahun"),
    h(
      "dd",
      {},
      (rec.year ? String(rec.year) : "—") +
        (rec.quarter ? ` (s.d. ${quarterLabel(rec.quarter)})` : "")
    ),
    h("dt", {}, "Baris judul"),
    h("dd", {}, rows(rec.headerRows)),
    h("dt", {}, "Baris data"),
    h("dd", {}, rows(rec.dataRows)),
    h("dt", {}, "Keyakinan"),
    h("dd", {}, `${Math.round(rec.confidence * 100)}%`),
    h("dt", {}, "Kolom hitung"),
    h("dd", { id: "kn-computed" }, computed.length ? computed.join(", ") : "tidak ada")
  );
}

/** "Koreksi peran kolom": the layout, a column per role, and saving as the confirmation. */
function mappingEditor(
  ctl: TaskpaneController,
  s: TaskpaneState,
  rec: Recognition,
  open: boolean
): HTMLElement {
  const width = Math.max(...(s.grid?.cells.map((r) => r.length) ?? [0]), 1);
  const letters = Array.from({ length: width }, (_, i) => columnLetters(i));
  const roleSelects = new Map<RoleId, HTMLSelectElement>();
  const shown = rolesOf(rec.columns);
  const roles = [...new Set([...shown, ...allRoles()])];
  const addRole = h(
    "select",
    { id: "kn-add-role", "aria-label": "Tambah peran kolom" },
    h("option", { value: "" }, "+ peran lain…"),
    ...roles.filter((r) => !shown.includes(r)).map((r) => h("option", { value: r }, roleLabel(r)))
  );
  const layoutSelect = h(
    "select",
    { id: "kn-layout", "aria-label": "Jenis tabel" },
    ...layoutIds().map((l) =>
      h("option", { value: l, ...(rec.layout === l ? { selected: true } : {}) }, layoutLabel(l))
    )
  );
  if (!rec.layout)
    layoutSelect.prepend(h("option", { value: "", selected: true }, "Tidak dikenali"));
  const roleRow = (role: RoleId) => {
    const sel = h(
      "select",
      { "aria-label": `Kolom untuk ${roleLabel(role)}` },
      h("option", { value: "" }, "—"),
      ...letters.map((l, i) =>
        h("option", { value: String(i), ...(rec.columns[role] === i ? { selected: true } : {}) }, l)
      )
    );
    roleSelects.set(role, sel);
    return h("tr", {}, h("td", {}, roleLabel(role)), h("td", {}, sel));
  };
  const table = h(
    "table",
    { class: "kn-roles" },
    h("caption", {}, "Peran kolom"),
    h(
      "thead",
      {},
      h("tr", {}, h("th", { scope: "col" }, "Peran"), h("th", { scope: "col" }, "Kolom"))
    ),
    h("tbody", {}, ...shown.map(roleRow))
  );
  const save = () => {
    const columns: ColumnRoles = {};
    for (const [role, sel] of roleSelects) if (sel.value !== "") columns[role] = Number(sel.value);
    // the added role's options are allRoles()
    const added = addRole.value as RoleId | "";
    if (added) columns[added] = columns[added] ?? 0;
    // saving is the planner's confirmation: a doubtful table may be filled afterwards
    void ctl.saveMapping({
      layout: (layoutSelect.value || undefined) as LayoutId | undefined,
      columns,
      headerRows: rec.headerRows ?? undefined,
      dataRows: rec.dataRows ?? undefined,
      confirmed: true,
    });
  };
  return h(
    "details",
    open ? { open: true, id: "kn-mapping" } : { id: "kn-mapping" },
    h("summary", {}, "Koreksi peran kolom"),
    h("label", {}, "Jenis tabel ", layoutSelect),
    table,
    addRole,
    h(
      "button",
      { id: "kn-save-mapping", class: "kn-btn", click: save },
      "Simpan & konfirmasi peran kolom"
    )
  );
}

function issuesCard(ctl: TaskpaneController, s: TaskpaneState): HTMLElement {
  const issues = s.issues!;
  const groups: Severity[] = ["error", "warning", "info"];
  const count = (sev: Severity) => issues.filter((i) => i.severity === sev).length;
  const item = (i: Issue) =>
    h(
      "li",
      {},
      h(
        "button",
        {
          class: `kn-issue kn-${i.severity}`,
          "data-cell": i.cell,
          click: () => void ctl.select(i),
          title: `Pilih sel ${i.cell}`,
        },
        h("span", { class: "kn-cell" }, i.cell),
        h("span", { class: "kn-msg" }, i.message),
        h("span", { class: "kn-rule" }, i.rule)
      ),
      issueFixes(ctl, i, s.phase === "busy")
    );
  return h(
    "section",
    { class: "kn-card", "aria-labelledby": "kn-val-title" },
    h("h2", { id: "kn-val-title" }, "Validasi sheet"),
    h(
      "p",
      { id: "kn-counts", class: "kn-counts" },
      issues.length === 0
        ? "Tidak ada temuan. Sheet ini bersih."
        : groups.map((g) => `${count(g)} ${SEVERITY_LABEL[g].toLowerCase()}`).join(" · ")
    ),
    s.nomenclatureVersion
      ? h("p", { class: "kn-note" }, `Nomenklatur: ${s.nomenclatureVersion}`)
      : null,
    issues.length
      ? h(
          "button",
          {
            id: "kn-highlight",
            class: "kn-btn",
            "aria-pressed": s.highlighted ? "true" : "false",
            click: () => void ctl.toggleHighlights(),
          },
          s.highlighted
            ? s.highlighted.sheet === s.sheetName
              ? "Hapus sorotan"
              : `Hapus sorotan di "${s.highlighted.sheet}"`
            : "Sorot sel bermasalah"
        )
      : null,
    safeFixButton(ctl, s),
    ...groups
      .filter((g) => count(g) > 0)
      .map((g) =>
        h(
          "details",
          { open: g !== "info", class: `kn-group kn-group-${g}` },
          h("summary", {}, `${SEVERITY_LABEL[g]} (${count(g)})`),
          h(
            "ul",
            { class: "kn-issues" },
            ...issues
              .filter((i) => i.severity === g)
              .slice(0, 500)
              .map(item)
          )
        )
      )
  );
}

function previewCard(ctl: TaskpaneController, s: TaskpaneState): HTMLElement {
  const plan = s.plan!;
  const formulas = plan.writes.filter((w) => w.formula).length;
  const changed = plan.writes.filter((w) => {
    const was = w.previous.formula ?? w.previous.value;
    const now = w.formula ?? w.value;
    return was !== null && was !== "" && was !== now;
  });
  const decisions = plan.decisions.slice(0, 300).map((d) => decisionItem(ctl, d));
  if (plan.refused)
    return h(
      "section",
      { class: "kn-card", "aria-labelledby": "kn-prev-title" },
      h("h2", { id: "kn-prev-title" }, "Pratinjau pengisian"),
      h("p", { id: "kn-plan-refused", class: "kn-error", role: "alert" }, plan.refused)
    );
  return h(
    "section",
    { class: "kn-card", "aria-labelledby": "kn-prev-title" },
    h(
      "h2",
      { id: "kn-prev-title" },
      s.phase === "written" ? "Sudah ditulis" : "Pratinjau pengisian"
    ),
    h(
      "p",
      { id: "kn-plan-summary" },
      `${plan.writes.length} sel akan diisi (${formulas} rumus Excel, ${plan.writes.length - formulas} nilai). ${changed.length} sel yang sudah berisi akan berubah.`
    ),
    changed.length ? changedList(changed) : null,
    h(
      "details",
      {},
      h("summary", {}, `Akumulasi dan arah per baris (${plan.decisions.length})`),
      h("ul", { class: "kn-decisions" }, ...decisions)
    ),
    s.phase === "preview"
      ? h(
          "div",
          { class: "kn-row" },
          h(
            "button",
            { id: "kn-write", class: "kn-btn kn-primary", click: () => void ctl.write() },
            "Tulis ke sheet"
          )
        )
      : null
  );
}

/** The cells that held something else before, old → new (the first 200). */
function changedList(changed: PlannedWrite[]): HTMLElement {
  return h(
    "details",
    {},
    h("summary", {}, `Nilai lama yang berubah (${changed.length})`),
    h(
      "ul",
      { class: "kn-changes" },
      ...changed
        .slice(0, 200)
        .map((w) =>
          h(
            "li",
            {},
            h("span", { class: "kn-cell" }, w.cell),
            ` ${String(w.previous.value ?? "")} → ${String(w.value ?? "")}`
          )
        )
    )
  );
}

const ACCUMULATIONS: Accumulation[] = ["jumlah", "terakhir", "rata"];
const DIRECTIONS: Direction[] = ["naik", "turun", "turun-rasio"];

/** One row's accumulation and direction, with why, each changeable by the planner. */
function decisionItem(ctl: TaskpaneController, d: RowDecision): HTMLElement {
  const choice = <T extends string>(
    what: string,
    values: T[],
    current: T,
    label: (v: T) => string,
    set: (v: T) => RowOverride
  ) =>
    h(
      "select",
      {
        "aria-label": `${what} baris ${d.row + 1}`,
        change: (e: Event) => ctl.override(d.row, set((e.target as HTMLSelectElement).value as T)),
      },
      ...values.map((v) =>
        h("option", { value: v, ...(current === v ? { selected: true } : {}) }, label(v))
      )
    );
  return h(
    "li",
    { class: "kn-decision" },
    h("span", { class: "kn-cell" }, `Baris ${d.row + 1}`),
    h("span", { class: "kn-msg" }, d.indicator ?? d.code ?? ""),
    d.accumulation
      ? h(
          "label",
          {},
          "Akumulasi ",
          choice(
            "Akumulasi",
            ACCUMULATIONS,
            d.accumulation,
            (a) => a,
            (a) => ({ accumulation: a })
          )
        )
      : null,
    d.accumulationReason ? h("small", {}, d.accumulationReason) : null,
    h(
      "label",
      {},
      "Arah ",
      choice("Arah", DIRECTIONS, d.direction, directionLabel, (a) => ({ direction: a }))
    ),
    h("small", {}, d.directionReason)
  );
}

const picked = (e: Event) => (e.target as HTMLSelectElement | HTMLInputElement).value;

/** A labelled choice of a setting; `change` gets the chosen value. */
function settingSelect(
  label: string,
  id: string,
  current: string,
  options: [string, string][],
  change: (value: string) => void
): HTMLElement {
  return h(
    "label",
    {},
    label,
    h(
      "select",
      { id, change: (e: Event) => change(picked(e)) },
      ...options.map(([value, text]) =>
        h("option", { value, ...(value === current ? { selected: true } : {}) }, text)
      )
    )
  );
}

/** A labelled number field of a setting; `change` gets the typed text. */
function settingNumber(
  label: string,
  attrs: Record<string, string>,
  change: (value: string) => void
): HTMLElement {
  return h(
    "label",
    {},
    label,
    h("input", { type: "number", ...attrs, change: (e: Event) => change(picked(e)) })
  );
}

function settingsCard(ctl: TaskpaneController, s: TaskpaneState): HTMLElement {
  const st = s.settings;
  const save = (patch: Partial<Settings>) => void ctl.saveSettings(patch);
  const select = (
    label: string,
    id: string,
    current: string,
    options: [string, string][],
    set: (value: string) => Partial<Settings>
  ) => settingSelect(label, id, current, options, (v) => save(set(v)));
  const number = (
    label: string,
    attrs: Record<string, string>,
    set: (value: string) => Partial<Settings>
  ) => settingNumber(label, attrs, (v) => save(set(v)));
  return h(
    "details",
    { class: "kn-card kn-settings" },
    h("summary", {}, "Pengaturan"),
    select("Skala kategori", "kn-scale", st.scale, Object.entries(SCALE_LABELS), (v) => ({
      scale: v as Settings["scale"],
    })),
    select(
      "Metode efisiensi",
      "kn-method",
      st.efficiencyMethod ?? "",
      [
        ["", "Menurut judul tabel"],
        ["sisa", "Sisa anggaran (100 − serapan)"],
        ["selisih", "Capaian − serapan"],
        ["rasio", "Capaian / serapan"],
      ],
      (v) => ({ efficiencyMethod: (v || null) as Settings["efficiencyMethod"] })
    ),
    number(
      "Tahun nomenklatur",
      {
        id: "kn-year",
        min: "2020",
        max: "2100",
        placeholder: "dari sheet",
        value: st.nomenclatureYear ? String(st.nomenclatureYear) : "",
      },
      (v) => ({ nomenclatureYear: Number(v) || null })
    ),
    select(
      "Pemerintah daerah",
      "kn-scope",
      st.scope,
      [
        ["kabkota", "Kabupaten/kota"],
        ["provinsi", "Provinsi"],
      ],
      (v) => ({ scope: v as Settings["scope"] })
    ),
    number(
      "Desimal",
      { id: "kn-decimals", min: "0", max: "6", value: String(st.decimals) },
      (v) => ({
        decimals: Math.max(0, Math.min(6, Number(v) || 0)),
      })
    ),
    h(
      "label",
      { class: "kn-check" },
      h("input", {
        id: "kn-values-only",
        type: "checkbox",
        ...(st.valuesOnly ? { checked: true } : {}),
        change: (e: Event) => save({ valuesOnly: (e.target as HTMLInputElement).checked }),
      }),
      " Tulis nilai saja (tanpa rumus Excel)"
    )
  );
}
