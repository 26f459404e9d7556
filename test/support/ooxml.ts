// Hand-written minimal OOXML packages for the .xlsx layer's tests: every odd case of the real
// corpus rebuilt from a few lines of XML (so the tests need nothing beside the repository), and a
// "rich" macro workbook with a chart, a pivot table, a data validation, a comment, a defined
// name, custom XML, a calcChain, a shared formula and a VBA project.
import { zipSync, deflateSync as deflateRawSync } from "fflate";
import type { CellValue } from "../../src/model/grid";
import { a1 } from "../../src/model/grid";
import { CHART, DRAWING } from "./chart-xlsx";

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** `<c>` elements of a row of plain values (strings inline). */
export function cellsXml(row: number, values: CellValue[], p = ""): string {
  return values
    .map((v, c) => {
      if (v === null || v === undefined) return "";
      const r = a1(row, c);
      if (typeof v === "number") return `<${p}c r="${r}"><${p}v>${v}</${p}v></${p}c>`;
      if (typeof v === "boolean")
        return `<${p}c r="${r}" t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
      return `<${p}c r="${r}" t="inlineStr"><${p}is><${p}t>${esc(v)}</${p}t></${p}is></${p}c>`;
    })
    .join("");
}

export function sheetDataXml(rows: CellValue[][], p = ""): string {
  return rows
    .map((r, i) => (r.length ? `<${p}row r="${i + 1}">${cellsXml(i, r, p)}</${p}row>` : ""))
    .join("");
}

export function worksheet(inner: string, ns = MAIN): string {
  return `${XML_DECL}<worksheet xmlns="${ns}" xmlns:r="${REL}">${inner}</worksheet>`;
}

export interface SimpleSheet {
  name: string;
  /** Whole worksheet XML. */
  xml: string;
  path?: string;
}

/** The parts of a plain workbook with these sheets. */
export function workbookParts(
  sheets: SimpleSheet[],
  o: { workbookInner?: string; styles?: string; sharedStrings?: string } = {}
): Record<string, string | Uint8Array> {
  const parts: Record<string, string | Uint8Array> = {};
  const paths = sheets.map((s, i) => s.path ?? `xl/worksheets/sheet${i + 1}.xml`);
  parts["[Content_Types].xml"] =
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
    paths.map((p) => `<Override PartName="/${p}" ContentType="${CT}.worksheet+xml"/>`).join("") +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
    (o.sharedStrings
      ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>`
      : "") +
    "</Types>";
  parts["_rels/.rels"] =
    `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  parts["xl/workbook.xml"] =
    `${XML_DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
    sheets
      .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("") +
    `</sheets>${o.workbookInner ?? ""}</workbook>`;
  parts["xl/_rels/workbook.xml.rels"] =
    `${XML_DECL}<Relationships xmlns="${PKG_REL}">` +
    paths
      .map(
        (p, i) =>
          `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${p.replace(/^xl\//, "")}"/>`
      )
      .join("") +
    `<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>` +
    (o.sharedStrings
      ? `<Relationship Id="rIdSst" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`
      : "") +
    "</Relationships>";
  parts["xl/styles.xml"] = o.styles ?? STYLES;
  if (o.sharedStrings) parts["xl/sharedStrings.xml"] = o.sharedStrings;
  sheets.forEach((s, i) => (parts[paths[i]] = s.xml));
  return parts;
}

export const STYLES =
  `${XML_DECL}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.000"/></numFmts>` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** A zip of the parts (deflated, fixed dates); `backslashes` writes names as Windows tools do. */
export function zipParts(
  parts: Record<string, string | Uint8Array>,
  o: { backslashes?: boolean } = {}
): Uint8Array {
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [name, data] of Object.entries(parts))
    files[o.backslashes ? name.replace(/\//g, "\\") : name] = [
      typeof data === "string" ? new TextEncoder().encode(data) : data,
      { mtime: new Date(Date.UTC(2024, 6, 1)) },
    ];
  return zipSync(files, { level: 6 });
}

export function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = bigEndian ? 0xfe : 0xff;
  out[1] = bigEndian ? 0xff : 0xfe;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2 + (bigEndian ? 1 : 0)] = c & 0xff;
    out[2 + i * 2 + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
}

/** An OLE/CFB header followed by UTF-16LE directory names (enough to be recognised). */
export function oleFile(streams: string[]): Uint8Array {
  const head = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const body = streams.flatMap((s) => [...s].flatMap((ch) => [ch.charCodeAt(0), 0]).concat([0, 0]));
  return new Uint8Array([...head, ...new Array(504).fill(0), ...body, ...new Array(512).fill(0)]);
}

/**
 * A zip whose only entry inflates to `gigabytes` GB of zeros in a few MB: one deflate block of
 * zeros repeated (each block refers back only to zeros), as a real zip bomb is built.
 */
export function zipBomb(gigabytes: number): Uint8Array {
  const mb = 1024 * 1024;
  const block = deflateRawSync(new Uint8Array(mb), { level: 9 }); // one final block
  // make it non-final (BFINAL is the first bit) and byte-aligned with an empty stored block
  const open = block.slice();
  open[0] &= 0xfe;
  const align = new Uint8Array([0x00, 0x00, 0x00, 0xff, 0xff]);
  const copies = Math.round(gigabytes * 1024);
  const final = new Uint8Array([0x01, 0x00, 0x00, 0xff, 0xff]);
  const size = copies * (open.length + align.length) + final.length;
  const data = new Uint8Array(size);
  let o = 0;
  for (let i = 0; i < copies; i++) {
    data.set(open, o);
    data.set(align, o + open.length);
    o += open.length + align.length;
  }
  data.set(final, o);
  return rawZip("xl/worksheets/sheet1.xml", data, copies * mb);
}

/** A one-entry zip with the given deflated data and declared uncompressed size. */
export function rawZip(name: string, deflated: Uint8Array, declaredSize: number): Uint8Array {
  const n = new TextEncoder().encode(name);
  const local = new Uint8Array(30 + n.length);
  const dv = new DataView(local.buffer);
  dv.setUint32(0, 0x04034b50, true);
  dv.setUint16(4, 20, true);
  dv.setUint16(8, 8, true);
  dv.setUint32(18, deflated.length, true);
  dv.setUint32(22, Math.min(declaredSize, 0xffffffff), true);
  dv.setUint16(26, n.length, true);
  local.set(n, 30);
  const cen = new Uint8Array(46 + n.length);
  const dc = new DataView(cen.buffer);
  dc.setUint32(0, 0x02014b50, true);
  dc.setUint16(4, 20, true);
  dc.setUint16(6, 20, true);
  dc.setUint16(10, 8, true);
  dc.setUint32(20, deflated.length, true);
  dc.setUint32(24, Math.min(declaredSize, 0xffffffff), true);
  dc.setUint16(28, n.length, true);
  dc.setUint32(42, 0, true);
  cen.set(n, 46);
  const end = new Uint8Array(22);
  const de = new DataView(end.buffer);
  de.setUint32(0, 0x06054b50, true);
  de.setUint16(8, 1, true);
  de.setUint16(10, 1, true);
  de.setUint32(12, cen.length, true);
  de.setUint32(16, local.length + deflated.length, true);
  const out = new Uint8Array(local.length + deflated.length + cen.length + end.length);
  out.set(local);
  out.set(deflated, local.length);
  out.set(cen, local.length + deflated.length);
  out.set(end, local.length + deflated.length + cen.length);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The rich macro workbook
// ---------------------------------------------------------------------------------------------

export const VBA_BYTES = new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 7919) & 0xff));

/**
 * An .xlsm with the E.81 rows on sheet "E81" plus a chart (drawing), a comment (VML + comments
 * part), a data validation, a shared formula whose master (S8) is a cell the fill writes and
 * whose other cells (AC8:AD8) it does not, a pivot table on sheet "Pivot" with its cache, a
 * defined name, custom XML, a calcChain and a VBA project.
 */
export function richWorkbook(rows: CellValue[][]): Record<string, string | Uint8Array> {
  const p: Record<string, string | Uint8Array> = {};
  const data = rows
    .map((r, i) => {
      let cells = cellsXml(i, r);
      if (i === 7) {
        cells = cells.replace(/<c r="S8"[^]*?<\/c>/, "");
        const at = cells.search(/<c r="(T|U|V|W|X|Y|Z|AA|AB)8"/);
        const s8 = '<c r="S8"><f t="shared" ref="S8:AD8" si="0">K8+M8</f><v>2</v></c>';
        cells = at >= 0 ? cells.slice(0, at) + s8 + cells.slice(at) : cells + s8;
        cells +=
          '<c r="AC8"><f t="shared" si="0"/><v>0</v></c><c r="AD8"><f t="shared" si="0"/><v>0</v></c>';
      }
      return r.length || i === 7 ? `<row r="${i + 1}">${cells}</row>` : "";
    })
    .join("");
  p["[Content_Types].xml"] =
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>` +
    `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/>` +
    `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="${CT}.worksheet+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
    `<Override PartName="/xl/calcChain.xml" ContentType="${CT}.calcChain+xml"/>` +
    `<Override PartName="/xl/comments1.xml" ContentType="${CT}.comments+xml"/>` +
    `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
    `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>` +
    `<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="${CT}.pivotTable+xml"/>` +
    `<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="${CT}.pivotCacheDefinition+xml"/>` +
    `<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="${CT}.pivotCacheRecords+xml"/>` +
    `<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>` +
    "</Types>";
  p["_rels/.rels"] =
    `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  p["xl/workbook.xml"] =
    `${XML_DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr codeName="ThisWorkbook"/><bookViews><workbookView/></bookViews><sheets>` +
    '<sheet name="E81" sheetId="1" r:id="rId1"/><sheet name="Pivot" sheetId="2" r:id="rId2"/></sheets>' +
    '<definedNames><definedName name="TargetKinerja">E81!$I$8:$I$9</definedName></definedNames>' +
    '<calcPr calcId="191029"/><pivotCaches><pivotCache cacheId="1" r:id="rId5"/></pivotCaches></workbook>';
  p["xl/_rels/workbook.xml.rels"] =
    `${XML_DECL}<Relationships xmlns="${PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
    `<Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/>` +
    `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId4" Type="${REL}/calcChain" Target="calcChain.xml"/>` +
    `<Relationship Id="rId5" Type="${REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/>` +
    `<Relationship Id="rId6" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>` +
    `<Relationship Id="rId7" Type="${REL}/customXml" Target="../customXml/item1.xml"/>` +
    "</Relationships>";
  p["xl/styles.xml"] = STYLES;
  p["xl/calcChain.xml"] =
    `${XML_DECL}<calcChain xmlns="${MAIN}"><c r="S8" i="1"/><c r="AC8"/><c r="AD8"/></calcChain>`;
  p["xl/vbaProject.bin"] = VBA_BYTES;
  p["customXml/item1.xml"] =
    `${XML_DECL}<kinerja xmlns="urn:kinerja:test"><versi>1</versi></kinerja>`;
  p["customXml/itemProps1.xml"] =
    `${XML_DECL}<ds:datastoreItem ds:itemID="{6E1D5A3B-0000-4000-8000-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`;
  p["customXml/_rels/item1.xml.rels"] =
    `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/customXmlProps" Target="itemProps1.xml"/></Relationships>`;
  p["xl/worksheets/sheet1.xml"] = worksheet(
    '<dimension ref="A1:AD9"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
      `<sheetData>${data}</sheetData>` +
      '<mergeCells count="1"><mergeCell ref="E4:F4"/></mergeCells>' +
      '<dataValidations count="1"><dataValidation type="decimal" allowBlank="1" showErrorMessage="1" sqref="I8:I9"><formula1>0</formula1><formula2>1000000</formula2></dataValidation></dataValidations>' +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      '<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/>'
  );
  p["xl/worksheets/_rels/sheet1.xml.rels"] =
    `${XML_DECL}<Relationships xmlns="${PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/>` +
    `<Relationship Id="rId2" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>` +
    `<Relationship Id="rId3" Type="${REL}/comments" Target="../comments1.xml"/>` +
    "</Relationships>";
  p["xl/comments1.xml"] =
    `${XML_DECL}<comments xmlns="${MAIN}"><authors><author>Staf Perencanaan</author></authors><commentList><comment ref="C8" authorId="0"><text><t>Cek target triwulan</t></text></comment></commentList></comments>`;
  p["xl/drawings/vmlDrawing1.vml"] =
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    '<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>3, 15, 6, 2, 5, 15, 10, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>7</x:Row><x:Column>2</x:Column></x:ClientData></v:shape></xml>';
  p["xl/drawings/drawing1.xml"] = DRAWING;
  p["xl/drawings/_rels/drawing1.xml.rels"] =
    `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`;
  p["xl/charts/chart1.xml"] = CHART.replace(/SHEET!/g, "'E81'!");
  p["xl/worksheets/sheet2.xml"] = worksheet(
    `<sheetData><row r="3"><c r="A3" t="inlineStr"><is><t>Program</t></is></c><c r="B3" t="inlineStr"><is><t>Jumlah</t></is></c></row></sheetData>`
  );
  p["xl/worksheets/_rels/sheet2.xml.rels"] =
    `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>`;
  p["xl/pivotTables/pivotTable1.xml"] =
    `${XML_DECL}<pivotTableDefinition xmlns="${MAIN}" name="PivotTable1" cacheId="1" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Values" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" indent="0" outline="1" outlineData="1"><location ref="A3:A4" firstHeaderRow="1" firstDataRow="1" firstDataCol="0"/><pivotFields count="1"><pivotField axis="axisRow" showAll="0"><items count="1"><item t="default"/></items></pivotField></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="1"><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems></pivotTableDefinition>`;
  p["xl/pivotTables/_rels/pivotTable1.xml.rels"] =
    `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`;
  p["xl/pivotCache/pivotCacheDefinition1.xml"] =
    `${XML_DECL}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" r:id="rId1" refreshOnLoad="1" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="C7:C9" sheet="E81"/></cacheSource><cacheFields count="1"><cacheField name="Program" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`;
  p["xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels"] =
    `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`;
  p["xl/pivotCache/pivotCacheRecords1.xml"] =
    `${XML_DECL}<pivotCacheRecords xmlns="${MAIN}" count="0"/>`;
  return p;
}
