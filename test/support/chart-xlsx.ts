// Adds a native column chart (DrawingML parts, as Excel writes them) to the first sheet of an
// .xlsx written by ExcelJS: the stand-in for a Renja/LKjIP workbook with its own "GRAFIK".
import * as fs from "fs";
import JSZip from "jszip";

export const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>GRAFIK PENCAPAIAN</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:plotArea><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>SHEET!$A$2:$A$3</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>SHEET!$B$2:$B$3</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

export const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Grafik 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export async function addChart(file: string, sheetName: string): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const quoted = `'${sheetName.replace(/'/g, "''")}'`;
  zip.file("xl/charts/chart1.xml", CHART.replace(/SHEET!/g, `${quoted}!`));
  zip.file("xl/drawings/drawing1.xml", DRAWING);
  zip.file(
    "xl/drawings/_rels/drawing1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`
  );
  const relsPath = "xl/worksheets/_rels/sheet1.xml.rels";
  const rels = zip.file(relsPath)
    ? await zip.file(relsPath)!.async("string")
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  zip.file(
    relsPath,
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdKnChart" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`
    )
  );
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const withNs = sheet.includes(`xmlns:r="${REL}"`)
    ? sheet
    : sheet.replace("<worksheet ", `<worksheet xmlns:r="${REL}" `);
  // <drawing> comes after pageSetup/headerFooter and before tableParts/extLst
  const at = withNs.search(/<(legacyDrawing|tableParts|extLst)\b|<\/worksheet>/);
  zip.file(
    "xl/worksheets/sheet1.xml",
    `${withNs.slice(0, at)}<drawing r:id="rIdKnChart"/>${withNs.slice(at)}`
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`
    )
  );
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}
