// Changes of a sheet the way other people's copies differ, and the comparison of the changed
// sheet's fill with the original's (test/engine/perturbed.test.ts on the fixtures,
// test/real/gov-perturbed.test.ts on the real workbooks).
import fc from "fast-check";
import { recognise, planFill, validate, DEFAULT_SETTINGS } from "../../src/engine";
import type { Cell, Grid } from "../../src/model/grid";
import { a1 } from "../../src/model/grid";
import { isPercentFormat } from "../../src/core/numbers";

/** What a change did, to move the changed sheet's cells back to the original's. */
interface Change {
  label: string;
  grid: Grid;
  /** Original position of a cell of the changed sheet; null for a cell the change added. */
  back(row: number, col: number): { row: number; col: number } | null;
  /**
   * False where the change removes what states the computation (the numbering row): the header
   * words then decide (a T-C.29 gets its statutory 10 = 5+7+9 instead of the sheet's 10 = 9), so
   * only the written cells must be the original's, not their values.
   */
  sameValues?: false;
  /** False where inputs become text: Kinerja then writes values where it wrote formulas. */
  sameFormulas?: false;
  /**
   * The change takes away what tells the columns apart (K | % | Rp without its unit row): a
   * refusal is the expected answer there, not a loss.
   */
  mayRefuse?: true;
}

const blank = (): Cell => ({ value: null });
const width = (g: Grid) => Math.max(0, ...g.cells.map((r) => r.length));

/** The sheet without its formulas (the values stay): a change would otherwise have to move them. */
export function valuesOnly(g: Grid): Grid {
  return {
    name: g.name,
    cells: g.cells.map((r) => r.map((c) => ({ ...c, formula: undefined }))),
    merges: g.merges.map((m) => ({ ...m })),
  };
}

function insertColumn(g: Grid, k: number, header: string | null, headerRow: number): Change {
  const cells = g.cells.map((r, ri) => {
    const out = r.map((c) => ({ ...c }));
    if (out.length >= k)
      out.splice(k, 0, ri === headerRow && header !== null ? { value: header } : blank());
    return out;
  });
  const merges = g.merges.map((m) =>
    m.left >= k
      ? { ...m, left: m.left + 1, right: m.right + 1 }
      : m.right >= k
        ? { ...m, right: m.right + 1 }
        : { ...m }
  );
  return {
    label: `kolom ${header ?? "kosong"} disisipkan di ${a1(0, k).replace(/\d+/, "")}`,
    grid: { name: g.name, cells, merges },
    back: (row, col) => (col === k ? null : { row, col: col > k ? col - 1 : col }),
  };
}

function insertRows(g: Grid, k: number, rows: Cell[][], label: string): Change {
  const n = rows.length;
  const cells = g.cells.map((r) => r.map((c) => ({ ...c })));
  cells.splice(k, 0, ...rows);
  const merges = g.merges.map((m) =>
    m.top >= k
      ? { ...m, top: m.top + n, bottom: m.bottom + n }
      : m.bottom >= k
        ? { ...m, bottom: m.bottom + n }
        : { ...m }
  );
  return {
    label,
    grid: { name: g.name, cells, merges },
    back: (row, col) =>
      row >= k && row < k + n ? null : { row: row >= k + n ? row - n : row, col },
  };
}

function deleteRow(g: Grid, k: number, label: string): Change {
  const cells = g.cells.filter((_, ri) => ri !== k).map((r) => r.map((c) => ({ ...c })));
  const merges = g.merges
    .filter((m) => !(m.top === k && m.bottom === k))
    .map((m) =>
      m.top > k
        ? { ...m, top: m.top - 1, bottom: m.bottom - 1 }
        : m.bottom >= k
          ? { ...m, bottom: m.bottom - 1 }
          : { ...m }
    );
  return {
    label,
    grid: { name: g.name, cells, merges },
    back: (row, col) => ({ row: row >= k ? row + 1 : row, col }),
    sameValues: false,
  };
}

/** Another copy's typing of the header block (same cells, same positions). */
function retypedHeader(
  g: Grid,
  [top, bottom]: [number, number],
  retype: (t: string) => string,
  label: string
): Change {
  const cells = g.cells.map((r, ri) =>
    r.map((c) =>
      ri >= top && ri <= bottom && typeof c.value === "string"
        ? { ...c, value: retype(c.value) }
        : { ...c }
    )
  );
  return {
    label,
    grid: { name: g.name, cells, merges: g.merges.map((m) => ({ ...m })) },
    back: (row, col) => ({ row, col }),
  };
}

/** An export that loses the merged cells (the text stays in each area's first cell). */
function unmerged(g: Grid): Change {
  return {
    label: "sel gabungan hilang",
    grid: { name: g.name, cells: g.cells.map((r) => r.map((c) => ({ ...c }))), merges: [] },
    back: (row, col) => ({ row, col }),
  };
}

/** Numbers typed as text the Indonesian way ("1.234.567,5", "90%") in the inputs of the data. */
function numbersAsText(g: Grid, [first, last]: [number, number], computed: Set<number>): Change {
  const id = (v: number) => v.toLocaleString("id-ID", { maximumFractionDigits: 10 });
  const cells = g.cells.map((r, ri) =>
    r.map((c, ci) => {
      if (ri < first || ri > last || computed.has(ci) || typeof c.value !== "number")
        return { ...c };
      const percent = isPercentFormat(c.numberFormat);
      return { value: percent ? `${id(Math.round(c.value * 1e10) / 1e8)}%` : id(c.value) };
    })
  );
  return {
    label: "angka masukan diketik sebagai teks (1.234,5)",
    grid: { name: g.name, cells, merges: g.merges.map((m) => ({ ...m })) },
    back: (row, col) => ({ row, col }),
    // text inputs are written as values, not formulas (a formula over text cells would fail)
    sameFormulas: false,
  };
}

/** A numbering column "No" in front of the table: 1, 2, 3 … down the data rows. */
function numberColumn(g: Grid, headerRow: number, [first, last]: [number, number]): Change {
  const change = insertColumn(g, 0, "No", headerRow);
  for (let r = first, n = 1; r <= last && r < change.grid.cells.length; r++)
    // the rows with figures (not the footer's labels)
    if (change.grid.cells[r].some((c) => typeof c.value === "number"))
      change.grid.cells[r][0] = { value: n++ };
  return { ...change, label: "kolom No di depan" };
}

const UNIT = /^(k|rp\.?(\s*\(?000\)?)?|%|satuan)$/i;

/** The header's unit row (K | Rp …) left out, as some copies do. */
function withoutUnitRow(g: Grid, [top, bottom]: [number, number]): Change | null {
  for (let r = top; r <= bottom; r++) {
    const texts = (g.cells[r] ?? []).map((c) => String(c.value ?? "").trim()).filter(Boolean);
    if (texts.length >= 2 && texts.every((t) => UNIT.test(t)))
      return {
        ...deleteRow(g, r, "baris satuan (K | Rp) dihapus"),
        sameValues: undefined,
        mayRefuse: true,
      };
  }
  return null;
}

/** Two descriptive columns in the other order (indicator before name), header and all. */
function swapColumns(g: Grid, a: number, b: number): Change | null {
  const crosses = (m: Grid["merges"][number]) =>
    m.left !== m.right && ((m.left <= a && m.right >= a) || (m.left <= b && m.right >= b));
  if (g.merges.some(crosses)) return null;
  const at = (c: number) => (c === a ? b : c === b ? a : c);
  const cells = g.cells.map((r) => {
    const out = r.map((c) => ({ ...c }));
    const w = Math.max(out.length, a + 1, b + 1);
    while (out.length < w) out.push(blank());
    return out.map((_, c) => ({ ...(out[at(c)] ?? blank()) }));
  });
  const merges = g.merges.map((m) => ({ ...m, left: at(m.left), right: at(m.right) }));
  return {
    label: "kolom uraian dan indikator bertukar tempat",
    grid: { name: g.name, cells, merges },
    back: (row, col) => ({ row, col: at(col) }),
  };
}

/** A closing "JUMLAH" row under the data: the sums of its number columns. */
function totalRow(g: Grid, last: number, nameCol: number): Change {
  const w = width(g);
  const row: Cell[] = Array.from({ length: w }, blank);
  row[nameCol] = { value: "JUMLAH" };
  for (let c = 0; c < w; c++) {
    if (c === nameCol) continue;
    let sum = 0;
    let any = false;
    for (const r of g.cells.slice(0, last + 1)) {
      const v = r[c]?.value;
      if (typeof v === "number") ((sum += v), (any = true));
    }
    if (any) row[c] = { value: sum };
  }
  return insertRows(g, last + 1, [row], "baris JUMLAH di bawah data");
}

/** A descriptive column left out of the copy (Keterangan, unit PD). */
function deleteColumn(g: Grid, k: number): Change {
  const cells = g.cells.map((r) => r.filter((_, c) => c !== k).map((c) => ({ ...c })));
  const merges = g.merges
    .filter((m) => !(m.left === k && m.right === k))
    .map((m) =>
      m.left > k
        ? { ...m, left: m.left - 1, right: m.right - 1 }
        : m.right >= k
          ? { ...m, right: m.right - 1 }
          : { ...m }
    );
  return {
    label: `kolom ${a1(0, k).replace(/\d+/, "")} (keterangan) dihapus`,
    grid: { name: g.name, cells, merges },
    back: (row, col) => ({ row, col: col >= k ? col + 1 : col }),
  };
}

/** One more header row on top: a title merged across the whole table. */
function groupTitle(g: Grid, top: number): Change {
  const w = width(g);
  const title = "EVALUASI TERHADAP HASIL PELAKSANAAN RENCANA KERJA PERANGKAT DAERAH";
  const change = insertRows(
    g,
    top,
    [textRow(w, 0, title)],
    "baris judul kelompok di atas judul kolom"
  );
  change.grid.merges.push({ top, left: 0, bottom: top, right: w - 1 });
  return change;
}

/** The table further down and right (a copy with margins): `rows` rows and `cols` columns. */
function shifted(g: Grid, rows: number, cols: number): Change {
  const w = width(g);
  let change = insertRows(
    g,
    0,
    Array.from({ length: rows }, () => Array.from({ length: w }, blank)),
    ""
  );
  for (let i = 0; i < cols; i++) {
    const inner = change;
    const next = insertColumn(inner.grid, 0, null, 0);
    change = {
      ...next,
      back: (row, col) => {
        const at = next.back(row, col);
        return at && inner.back(at.row, at.col);
      },
    };
  }
  return { ...change, label: `tabel bergeser ${rows} baris dan ${cols} kolom` };
}

function textRow(w: number, col: number, text: string): Cell[] {
  const r = Array.from({ length: w }, blank);
  r[Math.min(col, w - 1)] = { value: text };
  return r;
}

const SIGNATURE = [
  "",
  "",
  "Mojosari, 15 Januari 2025",
  "KEPALA DINAS TENAGA KERJA",
  "",
  "",
  "Drs. NAMA PEJABAT, M.Si",
  "Pembina Utama Muda",
  "NIP. 19680101 199203 1 005",
];

/** The changes a sheet is put through (positions drawn by fast-check, seeded: reproducible). */
export function changesOf(g: Grid, rec: ReturnType<typeof recognise>, seed: number): Change[] {
  const w = width(g);
  const [first, last] = rec.dataRows ?? [0, g.cells.length - 1];
  const headerRow = rec.headerRows?.[0] ?? 0;
  const [col, descCol, dataRow] = fc.sample(
    fc.tuple(
      fc.integer({ min: 0, max: w }),
      fc.integer({ min: 0, max: w }),
      fc.integer({ min: first + 1, max: Math.max(first + 1, last) })
    ),
    { seed, numRuns: 1 }
  )[0];
  const numbering = rec.header?.numberingRow ?? null;
  const cols = rec.columns as Record<string, number>;
  const computed = new Set(rec.computations.map((c) => cols[c.out]));
  const unitRow = rec.headerRows ? withoutUnitRow(g, rec.headerRows) : null;
  const swapped =
    cols.uraian !== undefined && cols.indikator !== undefined
      ? swapColumns(g, cols.uraian, cols.indikator)
      : null;
  return [
    ...(rec.dataRows ? [numbersAsText(g, rec.dataRows, computed)] : []),
    ...(rec.dataRows && cols.no === undefined ? [numberColumn(g, headerRow, rec.dataRows)] : []),
    ...(unitRow ? [unitRow] : []),
    ...(swapped ? [swapped] : []),
    ...(rec.headerRows ? [groupTitle(g, rec.headerRows[0])] : []),
    shifted(g, 20, 5),
    ...[cols.keterangan, cols["unit.pd"]]
      .filter((c): c is number => c !== undefined)
      .map((c) => deleteColumn(g, c)),
    ...(rec.dataRows && cols.uraian !== undefined
      ? [totalRow(g, rec.dataRows[1], cols.uraian)]
      : []),
    ...(numbering === null ? [] : [deleteRow(g, numbering, "baris nomor kolom dihapus")]),
    ...(rec.headerRows
      ? [
          retypedHeader(g, rec.headerRows, (t) => t.toUpperCase(), "judul kolom ditulis kapital"),
          retypedHeader(
            g,
            rec.headerRows,
            // long titles wrap (Alt+Enter) and get stray spaces; short labels stay as they are
            (t) =>
              t.length < 20 ? t : t.replace(/ /g, (sp, i: number) => (i % 3 === 0 ? "\n" : "  ")),
            "judul kolom dengan ganti baris dan spasi ganda"
          ),
        ]
      : []),
    ...(g.merges.length ? [unmerged(g)] : []),
    insertColumn(g, col, null, headerRow),
    insertColumn(g, descCol, "Keterangan Tambahan", headerRow),
    ...(rec.headerRows
      ? [
          insertRows(
            g,
            dataRow,
            g.cells
              .slice(rec.headerRows[0], rec.headerRows[1] + 1)
              .map((r) => r.map((c) => ({ ...c }))),
            `judul kolom diulang (ganti halaman) di baris ${dataRow + 1}`
          ),
        ]
      : []),
    insertRows(
      g,
      0,
      [
        textRow(w, 0, "PEMERINTAH KABUPATEN CONTOH"),
        textRow(w, 0, "DINAS CONTOH"),
        textRow(w, 0, ""),
      ],
      "tiga baris judul di atas"
    ),
    insertRows(
      g,
      dataRow,
      [Array.from({ length: w }, blank)],
      `baris kosong di baris ${dataRow + 1}`
    ),
    insertRows(
      g,
      g.cells.length,
      SIGNATURE.map((t) => textRow(w, Math.floor((w * 2) / 3), t)),
      "blok tanda tangan di bawah"
    ),
  ];
}

/** What the changed sheets of a set did against their originals. */
export interface Comparison {
  /** Changed sheets that were filled (the others were refused or not recognised). */
  compared: number;
  /** Writes the original does not make, or with another value: a wrong guess written. */
  problems: string[];
  /** Changes after which a filled sheet was refused or not recognised. */
  lost: string[];
  /** Changes after which part of the original fill was no longer made. */
  missing: string[];
  /** Findings on what a change added (title, signature, repeated header, blank rows, columns). */
  noise: string[];
}

/** Every sheet through every change (positions seeded by the sheet's index: reproducible). */
export async function compareChanges(sheets: { label: string; grid: Grid }[]): Promise<Comparison> {
  const problems: string[] = [];
  const noise: string[] = [];
  const lost: string[] = [];
  const missing: string[] = [];
  let compared = 0;
  for (const [si, { label, grid }] of sheets.entries()) {
    const rec = recognise(grid);
    const plan = rec.layout ? planFill(grid, rec, DEFAULT_SETTINGS) : null;
    const original = new Map(
      (plan && !plan.refused ? plan.writes : []).map((w) => [`${w.row},${w.col}`, w])
    );
    const columns = new Set([...original.values()].map((w) => w.col));
    const [first, last] = rec.dataRows ?? [-1, -1];
    for (const change of changesOf(grid, rec, 1000 + si)) {
      const r2 = recognise(change.grid);
      const p2 = r2.layout ? planFill(change.grid, r2, DEFAULT_SETTINGS) : null;
      for (const i of (await validate(change.grid, r2, DEFAULT_SETTINGS)).issues)
        if (change.back(i.row, i.col) === null)
          noise.push(`${label}, ${change.label}: ${i.cell} ${i.rule}`);
      if (!p2 || p2.refused) {
        if (original.size && !change.mayRefuse)
          lost.push(`${label}, ${change.label}: ${r2.layout ? "ditolak" : "tidak dikenali"}`);
        continue; // nothing written: a refusal is always safe
      }
      compared++;
      let kept = 0;
      for (const w of p2.writes) {
        const at = change.back(w.row, w.col);
        const was = at && original.get(`${at.row},${at.col}`);
        if (!was) {
          // the one write the original may lack: an empty cell of a column it fills, inside its
          // data (a lost merge shows a second indicator row with its own, empty, inputs)
          const allowed =
            at !== null &&
            columns.has(at.col) &&
            at.row >= first &&
            at.row <= last &&
            w.previous.value === null &&
            !w.previous.formula;
          if (!allowed)
            problems.push(`${label}, ${change.label}: ${w.cell} ditulis, di aslinya tidak`);
          continue;
        }
        const same =
          typeof w.value === "number" && typeof was.value === "number"
            ? Math.abs(w.value - was.value) < 1e-9
            : w.value === was.value;
        kept++;
        const formulaKind = change.sameFormulas === false || !!w.formula === !!was.formula;
        if (change.sameValues !== false && (!same || !formulaKind))
          problems.push(
            `${label}, ${change.label}: ${w.cell} = ${String(w.value)}, di aslinya ${was.cell} = ${String(was.value)}`
          );
      }
      // values where formulas were: a cell already holding its value needs no write
      if (kept < original.size && change.sameFormulas !== false)
        missing.push(`${label}, ${change.label}: ${kept} dari ${original.size}`);
    }
  }
  return { compared, problems, lost, missing, noise };
}
