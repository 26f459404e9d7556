// readGrids on synthetic packages that rebuild every odd case of the real-world corpus
// (../shared/real-workbooks is read by test/real/ when it is there).
import { readGrids, WorkbookError } from "../../src/io/ooxml";
import type { Grid } from "../../src/model/grid";
import {
  MAIN,
  REL,
  STYLES,
  oleFile,
  sheetDataXml,
  utf16,
  workbookParts,
  worksheet,
  zipBomb,
  zipParts,
} from "../support/ooxml";

const one = (xml: string, o: Parameters<typeof workbookParts>[1] = {}) =>
  zipParts(workbookParts([{ name: "S", xml }], o));
const values = (g: Grid) => g.cells.map((r) => r.map((c) => c.value));
const problem = (bytes: Uint8Array): string => {
  try {
    readGrids(bytes, { name: "uji.xlsx" });
  } catch (e) {
    if (e instanceof WorkbookError) return `${e.kind}: ${e.message}`;
    throw e;
  }
  return "read";
};

describe("readGrids: values, formulas, formats", () => {
  test("numbers, inline/shared/rich strings (phonetic runs left out), booleans, errors, ISO dates, _xHHHH_ escapes", () => {
    const sst = `<sst xmlns="${MAIN}"><si><t>Program</t></si><si><r><t>Teks </t></r><r><rPr><b/></rPr><t>kaya</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si><si><t>a_x000D_b</t></si></sst>`;
    const xml = worksheet(
      '<sheetData><row r="1">' +
        '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
        '<c r="D1"><v>2.5</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#DIV/0!</v></c>' +
        '<c r="G1" t="d"><v>2024-01-01T00:00:00</v></c><c r="H1" t="inlineStr"><is><t><![CDATA[x<y]]></t></is></c>' +
        "</row></sheetData>"
    );
    const [g] = readGrids(one(xml, { sharedStrings: sst })).sheets;
    expect(values(g)).toEqual([
      ["Program", "Teks kaya", "a\rb", 2.5, true, "#DIV/0!", 45292, "x<y"],
    ]);
  });

  test("formulas keep their cached value; shared formulas are expanded per cell as Excel shows them", () => {
    const xml = worksheet(
      "<sheetData>" +
        '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:C3" si="0">A1*2+$A$1</f><v>3</v></c><c r="C1"><f t="shared" si="0"/><v>5</v></c></row>' +
        '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>5</v></c><c r="C2"><f>SUM(A1:A2)</f><v>0</v></c></row>' +
        '<row r="3"><c r="B3"><f t="shared" si="0"></f></c><c r="C3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>' +
        "</sheetData>"
    );
    const [g] = readGrids(one(xml)).sheets;
    expect(g.cells[0][1]).toEqual({ value: 3, formula: "=A1*2+$A$1" });
    expect(g.cells[0][2].formula).toBe("=B1*2+$A$1");
    expect(g.cells[1][1].formula).toBe("=A2*2+$A$1");
    expect(g.cells[1][2]).toEqual({ value: 0, formula: "=SUM(A1:A2)" });
    expect(g.cells[2][1]).toEqual({ value: null, formula: "=A3*2+$A$1" });
    expect(g.cells[2][2]).toEqual({ value: "ab", formula: '="a"&"b"' });
  });

  test("number formats through styles.xml: built-in ids and custom codes; General is no format", () => {
    const xml = worksheet(
      '<sheetData><row r="1"><c r="A1" s="1"><v>0.5</v></c><c r="B1" s="2"><v>3</v></c><c r="C1" s="0"><v>1</v></c></row></sheetData>'
    );
    const [g] = readGrids(one(xml, { styles: STYLES })).sheets;
    expect(g.cells[0]).toEqual([
      { value: 0.5, numberFormat: "0%" },
      { value: 3, numberFormat: "#,##0.000" },
      { value: 1 },
    ]);
  });
});

describe("readGrids: what Excel and LibreOffice tolerate", () => {
  test("duplicate and overlapping merges: each range once, covered cells read empty", () => {
    const xml = worksheet(
      `<sheetData>${sheetDataXml([
        ["Judul", "x", "y"],
        ["a", "b", "c"],
      ])}</sheetData>` +
        '<mergeCells count="4"><mergeCell ref="A1:C1"/><mergeCell ref="A1:C1"/><mergeCell ref="B2:C2"/><mergeCell ref="B1:B2"/></mergeCells>'
    );
    const [g] = readGrids(one(xml)).sheets;
    expect(g.merges).toHaveLength(3);
    expect(values(g)).toEqual([["Judul"], ["a"]]);
  });

  test("50,000 merges are read in near-linear time (well under 5 s)", () => {
    const merges = Array.from(
      { length: 50000 },
      (_, i) => `<mergeCell ref="A${2 * i + 1}:B${2 * i + 2}"/>`
    ).join("");
    const xml = worksheet(
      `<sheetData>${sheetDataXml([["x"]])}</sheetData><mergeCells count="50000">${merges}</mergeCells>`
    );
    const t0 = Date.now();
    const [g] = readGrids(one(xml)).sheets;
    expect(g.merges).toHaveLength(50000);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  test("rows and cells without r follow their neighbours", () => {
    const xml = worksheet(
      '<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c r="B2"><v>3</v></c><c><v>4</v></c></row><row r="5"><c><v>5</v></c></row></sheetData>'
    );
    const [g] = readGrids(one(xml)).sheets;
    expect(values(g)).toEqual([[1, 2], [null, 3, 4], [], [], [5]]);
  });

  test.each([false, true])("UTF-16 parts (big endian: %s)", (be) => {
    const parts = workbookParts([{ name: "Lembar", xml: "" }]);
    const sheet = worksheet(
      `<sheetData>${sheetDataXml([["Capaian ≥ 90%", 7]])}</sheetData>`
    ).replace("UTF-8", "UTF-16");
    parts["xl/worksheets/sheet1.xml"] = utf16(sheet, be);
    parts["xl/workbook.xml"] = utf16(
      (parts["xl/workbook.xml"] as string).replace("UTF-8", "UTF-16"),
      be
    );
    const [g] = readGrids(zipParts(parts)).sheets;
    expect(g.name).toBe("Lembar");
    expect(values(g)).toEqual([["Capaian ≥ 90%", 7]]);
  });

  test("namespace prefixes, strict OOXML namespaces, mc:AlternateContent (first branch)", () => {
    const prefixed = `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData>${sheetDataXml([["a", 1]], "x:")}</x:sheetData></x:worksheet>`;
    expect(values(readGrids(one(prefixed)).sheets[0])).toEqual([["a", 1]]);
    const strictNs = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    const parts = workbookParts([
      { name: "S", xml: worksheet(`<sheetData>${sheetDataXml([["s", 2]])}</sheetData>`, strictNs) },
    ]);
    for (const k of Object.keys(parts))
      if (typeof parts[k] === "string")
        parts[k] = (parts[k] as string)
          .replace(MAIN, strictNs)
          .replace(
            /http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships/g,
            "http://purl.oclc.org/ooxml/officeDocument/relationships"
          );
    expect(values(readGrids(zipParts(parts)).sheets[0])).toEqual([["s", 2]]);
    const ac = worksheet(
      '<sheetData><row r="1"><c r="A1"><v>1</v></c>' +
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x14"><c r="B1"><v>2</v></c></mc:Choice><mc:Fallback><c r="B1"><v>99</v></c></mc:Fallback></mc:AlternateContent>' +
        "</row></sheetData>"
    );
    expect(values(readGrids(one(ac)).sheets[0])).toEqual([[1, 2]]);
  });

  test("backslash zip paths and non-standard part names found through the relationships", () => {
    const parts = workbookParts([
      {
        name: "Data",
        xml: worksheet(`<sheetData>${sheetDataXml([["ok"]])}</sheetData>`),
        path: "xl/lembar/isi.xml",
      },
    ]);
    expect(values(readGrids(zipParts(parts, { backslashes: true })).sheets[0])).toEqual([["ok"]]);
  });

  test("stray text outside the root (as LibreOffice accepts) and a DTD whose entities never expand", () => {
    const stray = worksheet(`<sheetData>${sheetDataXml([["a"]])}</sheetData>`).replace(
      "\n<worksheet",
      "\nfoo\n<worksheet"
    );
    expect(values(readGrids(one(stray)).sheets[0])).toEqual([["a"]]);
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a0 "aaaaaaaaaa"><!ENTITY a1 "&a0;&a0;&a0;&a0;&a0;&a0;&a0;&a0;&a0;&a0;"><!ENTITY a2 "&a1;&a1;&a1;&a1;&a1;&a1;&a1;&a1;&a1;&a1;">' +
      '<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
      `<sst xmlns="${MAIN}"><si><t>test&a2;&a2;&a2;&xxe;</t></si></sst>`;
    const xml = worksheet('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>');
    expect(values(readGrids(one(xml, { sharedStrings: bomb })).sheets[0])).toEqual([["test"]]);
  });

  test("sheets come in workbook order with their names; chart sheets are skipped and listed", () => {
    const parts = workbookParts([
      { name: "Kedua", xml: worksheet(`<sheetData>${sheetDataXml([[2]])}</sheetData>`) },
      { name: "Pertama", xml: worksheet(`<sheetData>${sheetDataXml([[1]])}</sheetData>`) },
    ]);
    parts["xl/workbook.xml"] = (parts["xl/workbook.xml"] as string).replace(
      "</sheets>",
      '<sheet name="Grafik" sheetId="9" r:id="rIdC"/></sheets>'
    );
    parts["xl/_rels/workbook.xml.rels"] = (parts["xl/_rels/workbook.xml.rels"] as string).replace(
      "</Relationships>",
      `<Relationship Id="rIdC" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`
    );
    const r = readGrids(zipParts(parts));
    expect(r.sheets.map((s) => [s.name, values(s)])).toEqual([
      ["Kedua", [[2]]],
      ["Pertama", [[1]]],
    ]);
    expect(r.skipped).toEqual([{ name: "Grafik", kind: "chartsheet" }]);
  });
});

describe("readGrids: bad input, bounded", () => {
  test("a password-protected workbook (OLE container with an encrypted package)", () => {
    expect(problem(oleFile(["EncryptionInfo", "EncryptedPackage"]))).toMatch(
      /^encrypted: .*dilindungi kata sandi: buka di Excel, simpan tanpa sandi/
    );
  });

  test(".xls, .xlsb and .ods each say what they are and how to save as .xlsx", () => {
    expect(problem(oleFile(["Workbook", "SummaryInformation"]))).toMatch(
      /^xls: .*Excel 97–2003.*Simpan Sebagai/
    );
    const xlsb = zipParts({
      "[Content_Types].xml": "<Types/>",
      "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="${REL}/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
      "xl/workbook.bin": new Uint8Array([0x83, 0x01, 0x00]),
    });
    expect(problem(xlsb)).toMatch(/^xlsb: .*\.xlsb.*Simpan Sebagai/);
    const ods = zipParts({
      mimetype: "application/vnd.oasis.opendocument.spreadsheet",
      "content.xml": "<x/>",
    });
    expect(problem(ods)).toMatch(/^ods: .*OpenDocument \(\.ods\).*Simpan Sebagai/);
  });

  test("corrupt zip, corrupt XML and plain text have their own messages", () => {
    const good = one(worksheet(`<sheetData>${sheetDataXml([["a"]])}</sheetData>`));
    expect(problem(good.subarray(0, good.length - 30))).toMatch(/^corrupt: .*rusak/);
    expect(problem(one(worksheet("<sheetData><row><c><v>1</v></row></sheetData>")))).toMatch(
      /^corrupt: .*XML bagian xl\/worksheets\/sheet1.xml tidak valid/
    );
    expect(problem(new TextEncoder().encode("NO;KODE;URAIAN\n1;2.07;Tenaga Kerja\n"))).toMatch(
      /^not-workbook: .*bukan arsip zip/
    );
  });

  test("a 3 MB zip that inflates to 3 GB is refused from its directory in under a second", () => {
    const bomb = zipBomb(3);
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
    const t0 = Date.now();
    expect(problem(bomb)).toMatch(/^zip-bomb: .*mengembang.*Tidak ada yang dibaca lebih lanjut/);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  test("an entry that inflates past its declared size is stopped (a lying directory)", () => {
    const lying = zipBomb(0.05); // 50 MB of zeros
    const dv = new DataView(lying.buffer, lying.byteOffset);
    const cd = dv.getUint32(lying.length - 6, true);
    dv.setUint32(cd + 24, 1000, true); // declared: 1000 bytes
    const parts = workbookParts([{ name: "S", xml: "" }]);
    delete parts["xl/worksheets/sheet1.xml"];
    // the lying entry stands in for the sheet: the other parts are added around it
    const base = zipParts(parts);
    expect(problem(mergeZips(base, lying))).toMatch(/^zip-bomb: .*melebihi ukuran yang tercantum/);
  });
});

/** The entries of two single-disk zips in one archive (test helper). */
function mergeZips(a: Uint8Array, b: Uint8Array): Uint8Array {
  const parse = (z: Uint8Array) => {
    const dv = new DataView(z.buffer, z.byteOffset, z.byteLength);
    const end = z.length - 22;
    const count = dv.getUint16(end + 10, true);
    const cdSize = dv.getUint32(end + 12, true);
    const cdOff = dv.getUint32(end + 16, true);
    return { count, cd: z.subarray(cdOff, cdOff + cdSize), body: z.subarray(0, cdOff) };
  };
  const x = parse(a);
  const y = parse(b);
  const cdY = y.cd.slice();
  const dv = new DataView(cdY.buffer);
  for (let p = 0; p < cdY.length;) {
    dv.setUint32(p + 42, dv.getUint32(p + 42, true) + x.body.length, true);
    p += 46 + dv.getUint16(p + 28, true) + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  const out = new Uint8Array(x.body.length + y.body.length + x.cd.length + cdY.length + 22);
  out.set(x.body);
  out.set(y.body, x.body.length);
  out.set(x.cd, x.body.length + y.body.length);
  out.set(cdY, x.body.length + y.body.length + x.cd.length);
  const e = new DataView(out.buffer, out.length - 22);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, x.count + y.count, true);
  e.setUint16(10, x.count + y.count, true);
  e.setUint32(12, x.cd.length + cdY.length, true);
  e.setUint32(16, x.body.length + y.body.length, true);
  return out;
}
