// Draws a chart of the fake Excel host as SVG, the way Excel would show the native chart Kinerja
// creates (clustered columns, a series switched to a line, title, axis titles, legend), from the
// values its source range holds now. Labels come from cells: text only, via textContent.
import type { FakeChartData, FakeSheet } from "../fake-excel/fake-excel";
import { parseA1 } from "../../src/model/grid";

const SVG = "http://www.w3.org/2000/svg";
/** Series colours: the first two of the predikat palette's blue/orange pair (colour-blind safe). */
const SERIES_COLOURS = ["#2166AC", "#B35806", "#5AAE61", "#762A83"];

export interface ChartSeries {
  name: string;
  type: string;
  values: (number | null)[];
}

export interface ChartData {
  categories: string[];
  series: ChartSeries[];
}

/** The chart's categories and series from its source range ("'Sheet'!A1:C5", series by columns). */
export function chartData(chart: FakeChartData, sheets: FakeSheet[]): ChartData | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(\$?[A-Z]+\$?\d+):(\$?[A-Z]+\$?\d+)$/.exec(chart.source);
  if (!m) return null;
  const name = (m[1] ?? m[2]).replace(/''/g, "'");
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet) return null;
  const tl = parseA1(m[3].replace(/\$/g, ""));
  const br = parseA1(m[4].replace(/\$/g, ""));
  const at = (r: number, c: number) => sheet.cells[r]?.[c]?.value ?? null;
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  const categories: string[] = [];
  for (let r = tl.row + 1; r <= br.row; r++) categories.push(text(at(r, tl.col)));
  const series: ChartSeries[] = [];
  for (let c = tl.col + 1; c <= br.col; c++) {
    const values: (number | null)[] = [];
    for (let r = tl.row + 1; r <= br.row; r++) {
      const v = at(r, c);
      values.push(typeof v === "number" && Number.isFinite(v) ? v : null);
    }
    series.push({
      name: text(at(tl.row, c)),
      type: chart.seriesTypes[c - tl.col - 1] ?? chart.type,
      values,
    });
  }
  return { categories, series };
}

function el<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function shorten(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** The chart as an SVG element of the given size. */
export function chartSvg(
  chart: FakeChartData,
  data: ChartData,
  width: number,
  height: number
): SVGSVGElement {
  const svg = el("svg", {
    class: "kn-chart",
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
  });
  svg.setAttribute("aria-label", chart.title ?? "Grafik");
  svg.appendChild(el("rect", { x: 0, y: 0, width, height, fill: "#fff", stroke: "#c8c8c8" }));
  svg.appendChild(
    el(
      "text",
      { x: width / 2, y: 22, "text-anchor": "middle", "font-size": 13, "font-weight": 600 },
      shorten(chart.title ?? "", Math.floor(width / 8.5))
    )
  );
  const left = 84;
  const right = 16;
  const top = 40;
  const bottom = 150;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const all = data.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const max = Math.max(20, Math.ceil((Math.max(0, ...all) * 1.05) / 20) * 20);
  const min = Math.min(0, Math.floor(Math.min(0, ...all) / 20) * 20);
  const y = (v: number) => top + plotH - ((v - min) / (max - min)) * plotH;
  const step = (max - min) / 20 > 10 ? 50 : 20;
  for (let v = min; v <= max; v += step) {
    svg.appendChild(
      el("line", { x1: left, x2: left + plotW, y1: y(v), y2: y(v), stroke: "#e6e6e6" })
    );
    svg.appendChild(
      el("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end", "font-size": 10 }, String(v))
    );
  }
  svg.appendChild(
    el("line", { x1: left, x2: left + plotW, y1: y(0), y2: y(0), stroke: "#767676" })
  );
  const n = Math.max(1, data.categories.length);
  const band = plotW / n;
  const columns = data.series.filter((s) => s.type !== "Line");
  const barW = Math.max(2, (band * 0.7) / Math.max(1, columns.length));
  columns.forEach((s, si) => {
    const colour = SERIES_COLOURS[data.series.indexOf(s) % SERIES_COLOURS.length];
    s.values.forEach((v, i) => {
      if (v === null) return;
      const x = left + i * band + band * 0.15 + si * barW;
      const y0 = y(Math.max(0, v));
      const h = Math.abs(y(v) - y(0));
      const bar = el("rect", { class: "bar", x, y: y0, width: barW, height: h, fill: colour });
      bar.appendChild(el("title", {}, `${data.categories[i]}: ${v}`));
      svg.appendChild(bar);
    });
  });
  data.series
    .filter((s) => s.type === "Line")
    .forEach((s) => {
      const colour = SERIES_COLOURS[data.series.indexOf(s) % SERIES_COLOURS.length];
      const pts = s.values
        .map((v, i) => (v === null ? null : `${left + (i + 0.5) * band},${y(v)}`))
        .filter((p): p is string => p !== null);
      svg.appendChild(
        el("polyline", {
          class: "line",
          points: pts.join(" "),
          fill: "none",
          stroke: colour,
          "stroke-width": 2,
        })
      );
    });
  data.categories.forEach((c, i) => {
    const x = left + (i + 0.5) * band;
    const yy = top + plotH + 12;
    svg.appendChild(
      el(
        "text",
        {
          x,
          y: yy,
          "font-size": 10,
          "text-anchor": "end",
          transform: `rotate(-30 ${x} ${yy})`,
        },
        shorten(c, 24)
      )
    );
  });
  if (chart.valueTitle)
    svg.appendChild(
      el(
        "text",
        {
          x: 14,
          y: top + plotH / 2,
          "font-size": 11,
          "text-anchor": "middle",
          transform: `rotate(-90 14 ${top + plotH / 2})`,
        },
        chart.valueTitle
      )
    );
  if (chart.categoryTitle)
    svg.appendChild(
      el(
        "text",
        { x: left + plotW / 2, y: height - 24, "font-size": 11, "text-anchor": "middle" },
        chart.categoryTitle
      )
    );
  // legend at the bottom, as the add-in sets it
  let lx = left;
  data.series.forEach((s, i) => {
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length];
    svg.appendChild(el("rect", { x: lx, y: height - 14, width: 10, height: 10, fill: colour }));
    svg.appendChild(el("text", { x: lx + 14, y: height - 5, "font-size": 10 }, s.name));
    lx += 24 + s.name.length * 6;
  });
  return svg;
}
