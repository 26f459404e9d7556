// The OPC package: relationships, the workbook part and its sheets, found through the
// relationships (not fixed paths), so non-standard part names and strict OOXML work alike.
import type { ZipArchive } from "./zip";
import { prefixedAttr } from "./xml";
import { parseXml } from "./fast-xml";
import { WorkbookError, subject } from "./errors";

export interface Rel {
  id: string;
  /** The relationship type's last segment ("worksheet", "styles", "officeDocument" …). */
  kind: string;
  type: string;
  /** Resolved part path (no leading slash); for an external target, the target as written. */
  target: string;
  external: boolean;
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? `_rels/${part}.rels` : `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

/** A relationship target relative to the part that holds it, as a part path. */
export function resolveTarget(source: string, target: string): string {
  const t = target.replace(/\\/g, "/");
  const base = t.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

/** The relative target from one part to another ("xl/workbook.xml" → "worksheets/sheet2.xml"). */
export function relativeTarget(source: string, target: string): string {
  const from = source.split("/").slice(0, -1);
  const to = target.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

export function readRels(zip: ZipArchive, part: string, fileName?: string): Rel[] {
  const relsPath = relsPathOf(part);
  const entry = zip.find(relsPath);
  if (!entry) return [];
  const rels: Rel[] = [];
  parseXml(zip.read(entry), relsPath, fileName, {
    open(local, a) {
      if (local !== "Relationship" || !a.Id || a.Target === undefined) return;
      const type = a.Type ?? "";
      const external = (a.TargetMode ?? "").toLowerCase() === "external";
      rels.push({
        id: a.Id,
        type,
        kind: type.slice(type.lastIndexOf("/") + 1),
        target: external ? a.Target : resolveTarget(part, a.Target),
        external,
      });
    },
  });
  return rels;
}

export interface SheetRef {
  name: string;
  /** Relationship id in workbook.xml. */
  rid: string;
  sheetId: number;
  state: string;
  /** Part path, or null when the relationship is missing. */
  path: string | null;
  /** "worksheet", "chartsheet", "dialogsheet", "xlMacrosheet" … (the relationship's kind). */
  kind: string;
}

export interface WorkbookInfo {
  path: string;
  sheets: SheetRef[];
  date1904: boolean;
  rels: Rel[];
  strict: boolean;
}

/** The workbook part: from the package relationships, else the content types, else xl/workbook.xml. */
export function findWorkbookPart(zip: ZipArchive, fileName?: string): string | null {
  const root = readRels(zip, "", fileName).find((r) => r.kind === "officeDocument" && !r.external);
  if (root && zip.find(root.target)) return root.target;
  const ct = zip.find("[Content_Types].xml");
  if (ct) {
    let found: string | null = null;
    parseXml(zip.read(ct), "[Content_Types].xml", fileName, {
      open(local, a) {
        if (
          !found &&
          local === "Override" &&
          /spreadsheetml\.(sheet|template)\.main\+xml|macroEnabled\.main\+xml/i.test(
            a.ContentType ?? ""
          )
        )
          found = (a.PartName ?? "").replace(/^\/+/, "");
      },
    });
    if (found && zip.find(found)) return found;
  }
  return zip.find("xl/workbook.xml") ? "xl/workbook.xml" : null;
}

export function readWorkbookInfo(zip: ZipArchive, part: string, fileName?: string): WorkbookInfo {
  const rels = readRels(zip, part, fileName);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetRef[] = [];
  let date1904 = false;
  let strict = false;
  let depth = 0;
  let inSheets = false;
  parseXml(zip.read(zip.find(part)!), part, fileName, {
    open(local, a) {
      depth++;
      if (depth === 1) strict = Object.values(a).some((v) => v.includes("purl.oclc.org/ooxml"));
      if (local === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      else if (local === "sheets") inSheets = true;
      else if (local === "sheet" && inSheets) {
        const rid = prefixedAttr(a, "id") ?? "";
        const rel = byId.get(rid);
        sheets.push({
          name: a.name ?? `Sheet${sheets.length + 1}`,
          rid,
          sheetId: Number(a.sheetId ?? sheets.length + 1),
          state: a.state ?? "visible",
          path: rel && !rel.external ? rel.target : null,
          kind: rel ? rel.kind : "worksheet",
        });
      }
    },
    close(local) {
      depth--;
      if (local === "sheets") inSheets = false;
    },
  });
  return { path: part, sheets, date1904, rels, strict };
}

export function notWorkbook(fileName: string | undefined, what: string): WorkbookError {
  return new WorkbookError(
    `${subject(fileName)} bukan workbook Excel (.xlsx): ${what}.`,
    "not-workbook"
  );
}
