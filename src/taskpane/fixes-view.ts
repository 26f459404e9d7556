// The pane's fix flows (issue 15): "Perbaiki" and the choices on each finding, "Perbaiki semua
// yang aman", the preview of what changes (cell, before → after), the TA 2027 migration report,
// and Batalkan. Text from the workbook goes in through h() (textContent only).
import type { FixPreview, TaskpaneController, TaskpaneState } from "./controller";
import type { Issue } from "../model/issue";
import { changeText } from "../app/perbaiki";
import { migrationSections, migrationSummary } from "../app/migrasi";
import { h } from "./dom";

/** How many lines of a long list the pane shows (the rest is counted). */
const SHOWN = 200;

function more(total: number): HTMLElement | null {
  return total > SHOWN ? h("li", { class: "kn-note" }, `… dan ${total - SHOWN} lainnya`) : null;
}

/** Under a finding: what its fix changes and the button, or one button per choice. */
export function issueFixes(ctl: TaskpaneController, i: Issue, busy: boolean): HTMLElement | null {
  if (i.fix)
    return h(
      "div",
      { class: "kn-fixes" },
      h("span", { class: "kn-fix-label" }, i.fix.label + (i.fix.safe ? "" : " (periksa dulu)")),
      h(
        "button",
        {
          class: "kn-btn kn-fix",
          "data-cell": i.cell,
          "data-rule": i.rule,
          disabled: busy,
          click: () => ctl.previewFix(i),
        },
        "Perbaiki"
      )
    );
  if (!i.choices?.length) return null;
  return h(
    "div",
    { class: "kn-fixes", role: "group", "aria-label": `Pilihan perbaikan ${i.cell}` },
    h("span", { class: "kn-fix-label" }, "Pilih salah satu:"),
    ...i.choices.map((c, k) =>
      h(
        "button",
        {
          class: "kn-btn kn-choice",
          "data-cell": i.cell,
          disabled: busy,
          click: () => ctl.previewFix(i, k),
        },
        c.label
      )
    )
  );
}

/** "Perbaiki semua yang aman (N)", when some finding has a safe fix. */
export function safeFixButton(ctl: TaskpaneController, s: TaskpaneState): HTMLElement | null {
  const n = (s.issues ?? []).filter((i) => i.fix?.safe).length;
  if (!n) return null;
  return h(
    "button",
    {
      id: "kn-fix-safe",
      class: "kn-btn kn-primary",
      disabled: s.phase === "busy",
      title:
        "Hanya perbaikan yang tidak mengubah arti angka: bentuk kode, nama resmi, label predikat",
      click: () => void ctl.previewSafeFixes(),
    },
    `Perbaiki semua yang aman (${n})`
  );
}

/** Every cell that will change, before → after (folded for a migration: the report says it). */
function changesList(fp: FixPreview): HTMLElement {
  const writes = fp.plan.writes;
  return h(
    "details",
    { open: fp.kind === "perbaiki" },
    h("summary", {}, `Sel yang berubah (${writes.length})`),
    h(
      "ul",
      { class: "kn-changes", id: "kn-fix-changes" },
      ...writes
        .slice(0, SHOWN)
        .map((w) =>
          h("li", {}, h("span", { class: "kn-cell" }, w.cell), " ", h("span", {}, changeText(w)))
        ),
      more(writes.length)
    )
  );
}

function fixLists(fp: FixPreview): HTMLElement[] {
  const out: HTMLElement[] = [];
  const { applied, refused } = fp.plan;
  if (fp.kind === "perbaiki" && applied.length)
    out.push(
      h(
        "details",
        { open: applied.length <= 5 },
        h("summary", {}, `Perbaikan (${applied.length})`),
        h(
          "ul",
          { class: "kn-changes" },
          ...applied.slice(0, SHOWN).map((a) => h("li", {}, a.label)),
          more(applied.length)
        )
      )
    );
  if (refused.length)
    out.push(
      h(
        "div",
        { class: "kn-doubts", id: "kn-fix-refused" },
        h("strong", {}, `Tidak ditulis (${refused.length})`),
        h("ul", {}, ...refused.slice(0, SHOWN).map((r) => h("li", {}, `${r.label}: ${r.reason}`)))
      )
    );
  return out;
}

function migrationReport(fp: FixPreview): HTMLElement[] {
  const m = fp.migration;
  if (!m?.report) return [];
  return [
    h("p", { id: "kn-migration-summary", class: "kn-note" }, migrationSummary(m.report)),
    ...(m.reason ? [h("p", { class: "kn-error", role: "alert" }, m.reason)] : []),
    ...migrationSections(m.report).map((sec) =>
      h(
        "details",
        { class: "kn-report", "data-section": sec.id, open: sec.id !== "added" },
        h("summary", {}, `${sec.title} (${sec.lines.length})`),
        h(
          "ul",
          { class: "kn-changes" },
          ...sec.lines.slice(0, SHOWN).map((l) => h("li", {}, l)),
          more(sec.lines.length)
        )
      )
    ),
  ];
}

/** The preview: what will change, cell by cell, then Tulis or Batal. */
export function fixPreviewCard(ctl: TaskpaneController, fp: FixPreview): HTMLElement {
  const { plan } = fp;
  const title = fp.kind === "migrasi" ? "Pratinjau migrasi TA 2027" : "Pratinjau perbaikan";
  const summary = plan.blocked
    ? null
    : plan.writes.length
      ? `${plan.writes.length} sel akan berubah (sebelum → sesudah). Sel lain tidak disentuh.`
      : "Tidak ada sel yang perlu diubah.";
  return h(
    "section",
    { class: "kn-card", id: "kn-fix-preview", "aria-labelledby": "kn-fix-title" },
    h("h2", { id: "kn-fix-title" }, title),
    plan.blocked ? h("p", { class: "kn-error", role: "alert" }, plan.blocked) : null,
    ...migrationReport(fp),
    summary ? h("p", { id: "kn-fix-summary" }, summary) : null,
    ...fixLists(fp),
    plan.writes.length ? changesList(fp) : null,
    h(
      "div",
      { class: "kn-row" },
      plan.writes.length && !plan.blocked
        ? h(
            "button",
            { id: "kn-fix-write", class: "kn-btn kn-primary", click: () => void ctl.writeFixes() },
            "Tulis ke sheet"
          )
        : null,
      h("button", { id: "kn-fix-cancel", class: "kn-btn", click: () => ctl.cancelFixes() }, "Batal")
    )
  );
}

const UNDO_LABEL = {
  isi: "Batalkan pengisian",
  perbaiki: "Batalkan perbaikan",
  migrasi: "Batalkan migrasi",
} as const;

/** Batalkan: undoes the last write exactly. */
export function undoCard(ctl: TaskpaneController, s: TaskpaneState): HTMLElement {
  const last = s.undo[s.undo.length - 1];
  return h(
    "div",
    { class: "kn-card" },
    h(
      "button",
      {
        id: "kn-undo",
        class: "kn-btn",
        disabled: s.phase === "busy",
        click: () => void ctl.undo(),
      },
      UNDO_LABEL[last.kind]
    ),
    s.undo.length > 1
      ? h("p", { class: "kn-note" }, `${s.undo.length} penulisan dapat dibatalkan, terakhir dulu.`)
      : null
  );
}
