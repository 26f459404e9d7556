// The playground page: shows the fake workbook that the real task pane (in the iframe) works on,
// as a grid with its charts and sheet tabs, and follows its selection. Cell text goes in with
// textContent (untrusted).
import type { FakeExcelHost } from "../fake-excel/fake-excel";
import { columnLetters, parseA1 } from "../../src/model/grid";
import { chartData, chartSvg } from "./chart-svg";
import { evaluateFormula } from "../fake-excel/formula";
import { shiftFormula } from "../../src/sheet/formula-refs";

type Sheet = ReturnType<FakeExcelHost["activeSheet"]>;

/** The fill a conditional format gives a cell (formula rules, as Kinerja writes them), if any. */
function conditionalFill(
  sheet: Sheet,
  r: number,
  c: number
): { fill: string; font?: string } | null {
  for (const cf of sheet.conditionalFormats ?? []) {
    if (!cf.formula || !cf.fill) continue;
    const [a, b = a] = cf.range.split(":");
    const tl = parseA1(a);
    const br = parseA1(b);
    if (r < tl.row || r > br.row || c < tl.col || c > br.col) continue;
    const f = shiftFormula(cf.formula, r - tl.row, c - tl.col);
    if (evaluateFormula(f, (rr, cc) => sheet.cells[rr]?.[cc]?.value ?? null) === true)
      return { fill: cf.fill, font: cf.font };
  }
  return null;
}

/** A value as Excel in Indonesian shows it under the number formats Kinerja uses. */
function shownValue(v: unknown, format: string | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v !== "number") return String(v);
  if (format?.includes("%")) return `${Math.round(v * 10000) / 100}%`;
  const decimals = /^#,##0$|^0$/.test(format ?? "")
    ? 0
    : /^(#,##)?0\.(0+)$/.exec(format ?? "")?.[2].length;
  if (decimals === undefined)
    return new Intl.NumberFormat("id-ID", { maximumFractionDigits: 10, useGrouping: false }).format(
      v
    );
  return new Intl.NumberFormat("id-ID", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: (format ?? "").includes(","),
  }).format(v);
}

function hostOf(frame: HTMLIFrameElement): FakeExcelHost | undefined {
  return (frame.contentWindow as unknown as { __kinerjaFake?: FakeExcelHost } | null)
    ?.__kinerjaFake;
}

function draw(container: HTMLElement, host: FakeExcelHost): void {
  const sheet = host.activeSheet();
  // room for the charts' cells too (a chart sits on cells right of a narrow data block)
  const ends = (sheet.charts ?? []).map((c) => parseA1(c.position?.[1] ?? "P24"));
  const width = Math.max(...sheet.cells.map((r) => r.length), ...ends.map((e) => e.col + 1), 1);
  const height = Math.max(sheet.cells.length, ...ends.map((e) => e.row + 1));
  const sel = host.selection?.split("!").pop() ?? null;
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  head.appendChild(document.createElement("th"));
  for (let c = 0; c < width; c++) {
    const th = document.createElement("th");
    th.textContent = columnLetters(c);
    head.appendChild(th);
  }
  const body = table.createTBody();
  Array.from({ length: height }, (_, r) => sheet.cells[r] ?? []).forEach((row, r) => {
    const tr = body.insertRow();
    const rh = tr.insertCell();
    rh.className = "rowhead";
    rh.textContent = String(r + 1);
    for (let c = 0; c < width; c++) {
      const td = tr.insertCell();
      const cell = row[c];
      const v = cell?.value;
      td.textContent = shownValue(v, cell?.numberFormat);
      if (sheet.bold?.[`${columnLetters(c)}${r + 1}`]) td.style.fontWeight = "600";
      if (cell?.formula) {
        td.className = "f";
        td.title = cell.formula;
      }
      const conditional = conditionalFill(sheet, r, c);
      const fill = sheet.fills?.[`${columnLetters(c)}${r + 1}`] ?? conditional?.fill;
      if (fill) td.style.background = fill;
      if (conditional?.font && !sheet.fills?.[`${columnLetters(c)}${r + 1}`])
        td.style.color = conditional.font;
      if (sel === `${columnLetters(c)}${r + 1}`) {
        td.classList.add("sel");
        td.id = "selected-cell";
      }
    }
  });
  container.replaceChildren(table);
  drawCharts(container, table, host);
  drawTabs(host);
  document.getElementById("selected-cell")?.scrollIntoView({ block: "center", inline: "center" });
}

/** Charts over the cells they are positioned on (top-left cell to bottom-right cell), as in Excel. */
function drawCharts(container: HTMLElement, table: HTMLTableElement, host: FakeExcelHost): void {
  const sheet = host.activeSheet();
  for (const chart of sheet.charts ?? []) {
    const data = chartData(chart, host.book.sheets);
    if (!data) continue;
    const [from, to] = chart.position ?? ["E2", "P24"];
    const a = parseA1(from);
    const b = parseA1(to);
    // table rows: header row first; cells: row header first
    const cellEl = (r: number, c: number) =>
      table.rows[Math.min(r + 1, table.rows.length - 1)]?.cells[c + 1] as
        HTMLTableCellElement | undefined;
    const tl = cellEl(a.row, a.col);
    const left = tl ? tl.offsetLeft : 200;
    const top = tl ? tl.offsetTop : 30;
    const width = Math.max(560, (cellEl(b.row, b.col)?.offsetLeft ?? 0) - left);
    const height = Math.max(400, (cellEl(b.row, b.col)?.offsetTop ?? 0) - top);
    const box = document.createElement("div");
    box.className = "chart";
    box.style.left = `${left}px`;
    box.style.top = `${top}px`;
    box.appendChild(chartSvg(chart, data, width, height));
    container.appendChild(box);
  }
}

/** Sheet tabs: a click activates the sheet, as in Excel (the pane then works on that sheet). */
function drawTabs(host: FakeExcelHost): void {
  const nav = document.getElementById("tabs");
  if (!nav) return;
  const buttons = host.book.sheets.map((s, i) => {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "tab";
    b.textContent = s.name;
    b.setAttribute("role", "tab");
    b.setAttribute("aria-selected", String(i === host.book.active));
    b.addEventListener("click", () => {
      host.activate(s.name); // the pane hears worksheets.onActivated, as in Excel
      const view = document.getElementById("sheet")!;
      draw(view, host);
      view.scrollTo(0, 0);
    });
    return b;
  });
  nav.replaceChildren(...buttons);
}

const container = document.getElementById("sheet")!;
const frame = document.getElementById("pane") as HTMLIFrameElement;
const refresh = () => {
  const host = hostOf(frame);
  if (host) draw(container, host);
};
window.addEventListener("message", (e) => {
  if (
    e.origin === window.location.origin &&
    (e.data as { type?: string })?.type === "kinerja-fake-changed"
  )
    refresh();
});
frame.addEventListener("load", () => setTimeout(refresh, 300));
