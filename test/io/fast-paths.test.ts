// The .xlsx layer's fast paths against the slow ones they stand for: the fast scanner's cells
// against saxes (a comment in a sheet leaves it to saxes), its offsets against saxes' positions,
// a patch that reuses the read (layout, kept parts) against one that scans the sheet again, and
// a part deflated in pieces against its bytes.
import fc from "fast-check";
import { inflateSync } from "fflate";
import { readGrids, patch } from "../../src/io/ooxml";
import { parseXml } from "../../src/io/ooxml/fast-xml";
import { xmlStream, type Attrs, type Span } from "../../src/io/ooxml/xml";
import { DeflateSink, crc32 } from "../../src/io/ooxml/zip";
import { codec } from "../../src/io/files";
import type { CellWrite } from "../../src/io/ooxml";
import { MAIN, REL, STYLES, workbookParts, worksheet, zipParts } from "../support/ooxml";

const SST = `<sst xmlns="${MAIN}"><si><t>satu</t></si><si><t>dua</t></si><si><t>tiga</t></si></sst>`;
const book = (xml: string) =>
  zipParts(workbookParts([{ name: "S", xml }], { styles: STYLES, sharedStrings: SST }));
/** The same sheet, read by saxes: the fast scanner leaves a part with a comment to it. */
const bySaxes = (xml: string) => xml.replace("<sheetData>", "<sheetData><!-- saxes -->");

const value = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(String),
  fc.constantFrom("", "007", "1.", ".5", "-0", "1e3", "0x10", " 2", "12345678901234567", "4&#48;"),
  fc.constantFrom("0.1", "44.44", "3.14159265358979", "-2.5", "1e-7", "9007199254740993")
);
const cellXml = fc
  .record({
    col: fc.integer({ min: 0, max: 30 }),
    r: fc.constantFrom("plain", "none", "dollar", "bad"),
    t: fc.constantFrom(undefined, "n", "s", "str", "b", "e", "inlineStr", "d"),
    s: fc.constantFrom(undefined, "0", "1", "2", "x"),
    v: fc.option(value),
    f: fc.constantFrom(undefined, "A1+1", "shared-master", "shared-follower", "empty"),
    spacing: fc.constantFrom("", " ", "\n"),
    quote: fc.constantFrom('"', "'"),
    extra: fc.constantFrom("", ' cm="1"', ' ph="1"'),
  })
  .map((c) => {
    const q = c.quote;
    const letters = String.fromCharCode(65 + c.col);
    const r = { plain: `${letters}1`, none: "", dollar: `$${letters}$1`, bad: `${letters}` }[c.r];
    const attrs =
      (r ? ` r=${q}${r}${q}` : "") +
      (c.s !== undefined ? ` s=${q}${c.s}${q}` : "") +
      (c.t !== undefined ? ` t=${q}${c.t}${q}` : "") +
      c.extra +
      c.spacing;
    const f =
      c.f === undefined
        ? ""
        : c.f === "shared-master"
          ? `<f t="shared" ref="${letters}1:${letters}3" si="0">A1*2</f>`
          : c.f === "shared-follower"
            ? '<f t="shared" si="0"/>'
            : c.f === "empty"
              ? "<f></f>"
              : `<f>${c.f}</f>`;
    if (c.t === "inlineStr") return `<c${attrs}><is><t>teks ${c.v ?? ""}</t></is></c>`;
    const v = c.v === null ? "" : `<v>${c.v}</v>`;
    return f || v ? `<c${attrs}>${f}${v}</c>` : `<c${attrs}/>`;
  });

describe("fast scanner against saxes", () => {
  test("random cells read the same (values, formulas, formats, positions)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellXml, { maxLength: 8 }), { maxLength: 6 }), (rows) => {
        const xml = worksheet(
          `<sheetData>${rows.map((r, i) => `<row r="${i + 1}">${r.join("")}</row>`).join("")}</sheetData>`
        );
        const fast = readGrids(book(xml)).sheets;
        const slow = readGrids(book(bySaxes(xml))).sheets;
        expect(fast).toEqual(slow);
      }),
      { numRuns: 300 }
    );
  });

  test("a prefixed sheet, line ends and references read the same", () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<x:worksheet xmlns:x="${MAIN}" xmlns:r="${REL}"><x:sheetData>` +
      '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>a\r\nb &amp; c</x:t></x:is></x:c></x:row>' +
      '<x:row r="2"><x:c r="A2" t="str"><x:f>"x"&amp;"y"</x:f><x:v>x\ry</x:v></x:c><x:c r="B2" s="1"><x:v>0.5</x:v></x:c></x:row>' +
      "</x:sheetData></x:worksheet>";
    const fast = readGrids(book(xml)).sheets;
    const slow = readGrids(book(xml.replace("<x:sheetData>", "<x:sheetData><!-- -->"))).sheets;
    expect(fast).toEqual(slow);
    expect(fast[0].cells[0][1].value).toBe("a\nb & c");
  });

  test("offsets of small parts are saxes' positions, raw or through mc:AlternateContent", () => {
    const parts = [
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr date1904="0"/><sheets><sheet name="A &amp; B" sheetId="1" r:id="rId1"/><sheet name='C' sheetId="2" r:id="rId2" /></sheets><calcPr calcId="1"/></workbook>`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="x"><Relationship Id="r1" Type="t" Target="a.xml"/>\n  <Relationship Id="r2" Type="t" Target="b.xml"></Relationship></Relationships>`,
      `<worksheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:AlternateContent><mc:Choice Requires="x14"><a/></mc:Choice><mc:Fallback><b>t</b></mc:Fallback></mc:AlternateContent><sheetData/></worksheet>`,
      STYLES,
    ];
    for (const text of parts)
      for (const raw of [false, true]) {
        const log = (out: string[]) => ({
          open: (l: string, a: Attrs, at: Span, q: string) =>
            void out.push(
              `<${q}|${l}|${JSON.stringify(a)}|${at.start},${at.tagEnd},${at.selfClosing}`
            ),
          close: (l: string, end: number) => void out.push(`</${l}|${end}`),
          text: (t: string) => void out.push(`#${t}`),
        });
        const fast: string[] = [];
        parseXml(text, "p.xml", undefined, log(fast), { positions: true, raw });
        const slow: string[] = [];
        const s = xmlStream("p.xml", undefined, log(slow), { positions: true, raw });
        s.write(text);
        s.close();
        expect(fast).toEqual(slow);
      }
  });
});

/** Rows of numbers with the given holes, as a worksheet whose sheetData has `rowsXml`. */
function sheetOf(rowsXml: string, prefix = ""): string {
  const p = prefix ? `${prefix}:` : "";
  const ns = prefix ? `xmlns:${prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<${p}worksheet ${ns} xmlns:r="${REL}"><${p}dimension ref="A1:D4"/><${p}sheetData>${rowsXml}</${p}sheetData>` +
    `<${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></${p}worksheet>`
  );
}

describe("a patch that reuses the read", () => {
  const writes: CellWrite[] = [
    { row: 0, col: 1, formula: "=A1*2", value: 2, numberFormat: "0.00" },
    { row: 1, col: 3, value: 4.5 },
    { row: 1, col: 0, value: "teks <baru> & lain" },
    { row: 2, col: 2, formula: '=IF(A3<>"",A3,"")', value: null },
    { row: 3, col: 1, value: 7 },
    { row: 5, col: 0, value: 1 },
  ];
  const cases: Record<string, string> = {
    plain: sheetOf(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"><v>0</v></c></row>' +
        '<row r="2"><c r="A2"><v>2</v></c><c r="C2"><v>3</v></c></row>' +
        '<row r="3"><c r="A3"/><c r="C3"><v>9</v></c></row><row r="4" spans="1:4"/>'
    ),
    "no r attributes": sheetOf(
      "<row><c><v>1</v></c><c><v>0</v></c></row>" +
        '<row><c r="A2"><v>2</v></c><c><v>3</v></c></row><row><c/><c/><c><v>9</v></c></row>'
    ),
    prefixed: sheetOf(
      '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1"><x:v>0</x:v></x:c></x:row>' +
        '<x:row r="3"><x:c r="C3"><x:v>9</x:v></x:c></x:row>',
      "x"
    ),
    "odd cells": sheetOf(
      '<row r="1"><c r="A1" cm="1"><v>1</v></c><c  r = "B1" s="1" ><v>0</v></c></row>' +
        "<row r='2'><c r='A2' t='s'><v>0</v></c><c r=\"D2\"><v>3</v></c></row>"
    ),
    "not ASCII": sheetOf(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Ünïcødé</t></is></c><c r="B1"><v>0</v></c></row>'
    ),
    "shared formulas": sheetOf(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*3</f><v>3</v></c></row>' +
        '<row r="2"><c r="B2"><f t="shared" si="0"/><v>0</v></c></row><row r="3"><c r="B3"><f t="shared" si="0"/><v>0</v></c></row>'
    ),
  };
  for (const [name, xml] of Object.entries(cases))
    test(`${name}: the same bytes as a patch that scans the sheet`, () => {
      const bytes = book(xml);
      const { opened } = readGrids(bytes, { keep: true });
      const sheetWrites = [{ sheetName: "S", writes }];
      const again = patch(bytes, sheetWrites, [], { codec, opened });
      expect(Buffer.from(again).equals(Buffer.from(patch(bytes, sheetWrites, [], { codec })))).toBe(
        true
      );
      const layout = opened!.layouts!.get("xl/worksheets/sheet1.xml");
      // the layout is noted for an ASCII sheet only (offsets are then byte offsets)
      expect(layout === undefined).toBe(name === "not ASCII");
    });
});

describe("a part deflated in pieces", () => {
  const text = Array.from({ length: 3000 }, (_, i) => `<c r="A${i}"><v>${i * 7}</v></c>`).join("");
  const bytes = new TextEncoder().encode(text);
  for (const [name, c] of [
    ["zlib", codec],
    ["fflate", {}],
  ] as const)
    test(`${name}: pieces of 1 KB are one deflate stream of the bytes, with their CRC`, () => {
      const sink = new DeflateSink(c, 1024);
      sink.bytes(bytes, 0, 5000);
      sink.text(text.slice(5000, 9000) + "é–€");
      sink.ascii(text.slice(9000, 12000));
      sink.bytes(new TextEncoder().encode(text.slice(12000)), 0, bytes.length - 12000);
      const d = sink.end();
      expect(d.pieces.length).toBeGreaterThan(c === codec ? 30 : 0);
      const all = new Uint8Array(d.pieces.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of d.pieces) {
        all.set(p, at);
        at += p.length;
      }
      const expected = new TextEncoder().encode(text.slice(0, 9000) + "é–€" + text.slice(9000));
      expect(Buffer.from(inflateSync(all)).equals(Buffer.from(expected))).toBe(true);
      expect(d.size).toBe(expected.length);
      expect(d.crc).toBe(crc32(expected));
    });
});
