// The playground page: shows the fake workbook that the real task pane (in the iframe) works on,
// as a grid, and follows its selection. Cell text goes in with textContent (untrusted).
import type { FakeExcelHost } from "../excel/fake/fake-excel";
import { columnLetters, parseA1 } from "../sheet/grid";
import { evaluateFormula } from "../excel/fake/formula";
import { shiftFormula } from "../sheet/formula-refs";

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

function hostOf(frame: HTMLIFrameElement): FakeExcelHost | undefined {
  return (frame.contentWindow as unknown as { __kinerjaFake?: FakeExcelHost } | null)
    ?.__kinerjaFake;
}

function draw(container: HTMLElement, host: FakeExcelHost): void {
  const sheet = host.activeSheet();
  const width = Math.max(...sheet.cells.map((r) => r.length), 1);
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
  sheet.cells.forEach((row, r) => {
    const tr = body.insertRow();
    const rh = tr.insertCell();
    rh.className = "rowhead";
    rh.textContent = String(r + 1);
    for (let c = 0; c < width; c++) {
      const td = tr.insertCell();
      const cell = row[c];
      const v = cell?.value;
      const shown =
        typeof v === "number" && cell?.numberFormat?.includes("%")
          ? `${Math.round(v * 10000) / 100}%`
          : v === null || v === undefined
            ? ""
            : String(v);
      td.textContent = shown;
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
  document.getElementById("selected-cell")?.scrollIntoView({ block: "center", inline: "center" });
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
