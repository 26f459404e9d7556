#!/usr/bin/env node
// Offline manifest check (`npm run validate`). office-addin-manifest's validator needs the
// network and the XSDs ship in no package, so this checks what breaks shared-runtime add-ins in
// practice: element order, resids that do not resolve or are too long, runtime resids that
// disagree, leftover localhost URLs in production, URLs that point at files not built.
"use strict";
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");
const { XMLParser, XMLValidator } = require("fast-xml-parser");

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The highest ExcelApi set the code calls (src/excel/gateway.ts REQUIRED_SETS; the manifest test
// holds the two together).
const EXCEL_API = "1.13";

/** "1.13" ≥ "1.9" as versions. */
function atLeast(version, min) {
  const [a, b] = String(version).split(".").map(Number);
  const [x, y] = String(min).split(".").map(Number);
  return a > x || (a === x && (b || 0) >= (y || 0));
}

// Child order (and required children) from the manifest schema, for the elements this add-in
// uses (docs/develop/manifest-element-ordering.md). Keys are local names; "Name[type]" is the
// variant with that xsi:type.
const SCHEMA = {
  OfficeApp: {
    order: [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "AllowSnapshot",
      "VersionOverrides",
      "ExtendedOverrides",
    ],
    required: [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "Hosts",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ],
  },
  Requirements: { order: ["Sets", "Methods"] },
  DefaultSettings: {
    order: ["SourceLocation", "RequestedWidth", "RequestedHeight"],
    required: ["SourceLocation"],
  },
  VersionOverrides: {
    order: [
      "Description",
      "Requirements",
      "Hosts",
      "Resources",
      "EquivalentAddins",
      "VersionOverrides",
    ],
    required: ["Hosts", "Resources"],
  },
  "Host[Workbook]": {
    order: ["Runtimes", "AllFormFactors", "DesktopFormFactor", "MobileFormFactor"],
    required: ["Runtimes", "AllFormFactors", "DesktopFormFactor"],
  },
  "ExtensionPoint[CustomFunctions]": {
    order: ["Script", "Page", "Metadata", "Namespace"],
    required: ["Script", "Page", "Metadata", "Namespace"],
  },
  DesktopFormFactor: {
    order: ["GetStarted", "FunctionFile", "ExtensionPoint", "SupportsSharedFolders"],
    required: ["FunctionFile", "ExtensionPoint"],
  },
  GetStarted: {
    order: ["Title", "Description", "LearnMoreUrl"],
    required: ["Title", "Description"],
  },
  "ExtensionPoint[PrimaryCommandSurface]": { order: ["CustomTab", "OfficeTab"] },
  OfficeTab: { order: ["Group"], required: ["Group"] },
  CustomTab: {
    order: ["Group", "Label", "InsertAfter", "InsertBefore"],
    required: ["Group", "Label"],
  },
  Group: { order: ["Label", "Icon", "Control"], required: ["Label", "Icon", "Control"] },
  "Control[Button]": {
    order: ["Label", "Supertip", "Icon", "Enabled", "Action"],
    required: ["Label", "Supertip", "Icon", "Action"],
  },
  Supertip: { order: ["Title", "Description"], required: ["Title", "Description"] },
  "Action[ExecuteFunction]": { order: ["FunctionName"], required: ["FunctionName"] },
  "Action[ShowTaskpane]": {
    order: ["TaskpaneId", "SourceLocation", "Title", "SupportsPinning"],
    required: ["SourceLocation"],
  },
  Resources: { order: ["Images", "Urls", "ShortStrings", "LongStrings"] },
};

// What a resid must resolve to, by the element (and its parent) that uses it.
function expectedKind(name, parent) {
  if (name === "Image") return "Image";
  if (["SourceLocation", "FunctionFile", "LearnMoreUrl", "Runtime"].includes(name)) return "Url";
  if (["Title", "Label", "Namespace"].includes(name)) return "ShortString";
  if (name === "Description" && ["Supertip", "GetStarted"].includes(parent)) return "LongString";
  return null;
}

/** Parses to a plain tree: { name, type, attrs, children, text }. */
function parseTree(xml) {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    removeNSPrefix: true,
    trimValues: true,
  });
  const convert = (entry) => {
    const name = Object.keys(entry).find((k) => k !== ":@");
    if (!name || name.startsWith("#") || name.startsWith("?")) return null;
    const attrs = entry[":@"] ?? {};
    const kids = entry[name] ?? [];
    const text = kids
      .filter((k) => "#text" in k)
      .map((k) => String(k["#text"]))
      .join("");
    return {
      name,
      type: attrs.type ?? null,
      attrs,
      children: kids.map(convert).filter(Boolean),
      text,
    };
  };
  return parser.parse(xml).map(convert).filter(Boolean);
}

function* walk(node, parent = null) {
  yield { node, parent };
  for (const c of node.children) yield* walk(c, node);
}

const child = (node, name) => node?.children.find((c) => c.name === name) ?? null;
const children = (node, name) => node?.children.filter((c) => c.name === name) ?? [];

/** Returns a list of Indonesian error messages (empty = valid). */
function validateManifest(xml, { production = false } = {}) {
  const errors = [];
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true)
    return [`XML tidak valid: ${wellFormed.err.msg} (baris ${wellFormed.err.line})`];
  const app = parseTree(xml).find((n) => n.name === "OfficeApp");
  if (!app) return ["Elemen akar OfficeApp tidak ada"];

  // Order and required children.
  for (const { node } of walk(app)) {
    const rule = SCHEMA[`${node.name}[${node.type}]`] ?? SCHEMA[node.name];
    if (!rule) continue;
    const where = node.type ? `${node.name} (${node.type})` : node.name;
    const known = node.children.map((c) => c.name).filter((n) => rule.order.includes(n));
    const sorted = [...known].sort((a, b) => rule.order.indexOf(a) - rule.order.indexOf(b));
    if (known.join() !== sorted.join())
      errors.push(
        `Urutan elemen ${where} salah: ${known.join(", ")}; seharusnya ${[...new Set(sorted)].join(", ")}`
      );
    for (const r of rule.required ?? [])
      if (!child(node, r)) errors.push(`Elemen wajib ${r} tidak ada di dalam ${where}`);
  }

  const id = child(app, "Id")?.text ?? "";
  if (!GUID.test(id)) errors.push(`Id "${id}" bukan GUID`);

  // Resources by kind.
  const vo = child(app, "VersionOverrides");
  const res = child(vo, "Resources");
  const defs = new Map();
  const collect = (group, kind, max) => {
    for (const e of children(
      child(res, group),
      group === "Images" ? "Image" : group === "Urls" ? "Url" : "String"
    )) {
      const rid = e.attrs.id ?? "";
      const value = e.attrs.DefaultValue ?? "";
      if (defs.has(rid)) errors.push(`Resource id "${rid}" ganda`);
      defs.set(rid, { kind, value });
      if (rid.length > 32) errors.push(`Resource id "${rid}" lebih dari 32 karakter`);
      if (max && value.length > max)
        errors.push(`Teks "${rid}" lebih dari ${max} karakter (${value.length})`);
      for (const o of children(e, "Override"))
        if (max && (o.attrs.Value ?? "").length > max)
          errors.push(`Teks "${rid}" (${o.attrs.Locale}) lebih dari ${max} karakter`);
    }
  };
  collect("Images", "Image");
  collect("Urls", "Url");
  collect("ShortStrings", "ShortString", 125);
  collect("LongStrings", "LongString", 250);

  // Every resid used must resolve to a resource of the right kind.
  for (const { node, parent } of walk(vo ?? { children: [] })) {
    const resid = node.attrs?.resid;
    if (resid === undefined) continue;
    if (resid.length > 32) errors.push(`resid "${resid}" lebih dari 32 karakter`);
    const def = defs.get(resid);
    if (!def) {
      errors.push(`resid "${resid}" (${node.name}) tidak ditemukan di Resources`);
      continue;
    }
    const want = expectedKind(node.name, parent?.name);
    if (want && def.kind !== want)
      errors.push(`resid "${resid}" (${node.name}) harus ${want}, bukan ${def.kind}`);
    if (!want && node.name === "Description" && !["ShortString", "LongString"].includes(def.kind))
      errors.push(`resid "${resid}" (Description) harus berupa teks`);
  }

  // Desktop ribbon icons need 16, 32 and 80 px.
  for (const { node } of walk(vo ?? { children: [] })) {
    if (node.name !== "Icon") continue;
    const sizes = children(node, "Image").map((i) => i.attrs.size);
    for (const s of ["16", "32", "80"])
      if (!sizes.includes(s)) errors.push(`Icon tanpa gambar ukuran ${s}`);
  }

  // Shared runtime: Runtime, CustomFunctions Page, FunctionFile and ShowTaskpane use one resid.
  const reqSets = children(child(child(app, "Requirements"), "Sets"), "Set");
  if (!reqSets.some((s) => s.attrs.Name === "SharedRuntime"))
    errors.push("Requirements tidak memuat SharedRuntime");
  const excelApi = reqSets.find((s) => s.attrs.Name === "ExcelApi");
  if (!excelApi || !atLeast(excelApi.attrs.MinVersion ?? "1.1", EXCEL_API))
    errors.push(
      `Requirements tidak memuat ExcelApi ${EXCEL_API} (versi tertinggi yang dipakai kode; tanpa itu Excel lama memasang add-in lalu gagal)`
    );
  // An AppDomain equal to SourceLocation's origin "has no effect and may be misleading".
  const source = child(child(app, "DefaultSettings"), "SourceLocation")?.attrs.DefaultValue ?? "";
  let sourceOrigin = "";
  try {
    sourceOrigin = new URL(source).origin;
  } catch {
    // an invalid URL is reported by the https check below
  }
  for (const d of children(child(app, "AppDomains"), "AppDomain"))
    if (sourceOrigin && d.text.replace(/\/$/, "") === sourceOrigin)
      errors.push(`AppDomain ${d.text} sama dengan asal SourceLocation: tidak berpengaruh, hapus`);
  const host = children(child(vo, "Hosts"), "Host").find((h) => h.type === "Workbook");
  if (!host) errors.push("VersionOverrides tidak memuat Host Workbook");
  const runtime = child(child(host, "Runtimes"), "Runtime")?.attrs.resid;
  if (!runtime) errors.push("Runtimes/Runtime (shared runtime) tidak ada");
  else if (child(child(host, "Runtimes"), "Runtime").attrs.lifetime !== "long")
    errors.push('Runtime harus lifetime="long"');
  if (host && host.children[0]?.name !== "Runtimes")
    errors.push("Runtimes harus menjadi elemen pertama di dalam Host");
  const cf = children(child(host, "AllFormFactors"), "ExtensionPoint").find(
    (e) => e.type === "CustomFunctions"
  );
  if (!cf) errors.push("ExtensionPoint CustomFunctions tidak ada");
  else {
    const page = child(child(cf, "Page"), "SourceLocation")?.attrs.resid;
    if (page !== runtime)
      errors.push(`Page fungsi kustom (${page}) berbeda dengan Runtime (${runtime})`);
    const ns = child(cf, "Namespace")?.attrs.resid;
    if (!ns || !defs.get(ns)?.value) errors.push("Namespace fungsi kustom kosong");
    else if (!/^[A-Za-z][A-Za-z0-9_.]*$/.test(defs.get(ns).value))
      errors.push(`Namespace "${defs.get(ns).value}" memuat karakter yang tidak boleh`);
  }
  const dff = child(host, "DesktopFormFactor");
  const functionFile = child(dff, "FunctionFile")?.attrs.resid;
  if (functionFile !== runtime)
    errors.push(`FunctionFile (${functionFile}) berbeda dengan Runtime (${runtime})`);
  for (const { node } of walk(dff ?? { children: [] })) {
    if (node.name === "Action" && node.type === "ShowTaskpane") {
      const loc = child(node, "SourceLocation")?.attrs.resid;
      if (loc !== runtime) errors.push(`ShowTaskpane (${loc}) berbeda dengan Runtime (${runtime})`);
      // one pane under a long-lived runtime: no TaskpaneId (shared-runtime docs, good practice)
      if (child(node, "TaskpaneId"))
        errors.push(
          "ShowTaskpane memuat TaskpaneId: dengan runtime bersama (lifetime long) hapus TaskpaneId"
        );
    }
    if (
      node.name === "Action" &&
      node.type === "ExecuteFunction" &&
      !/^[A-Za-z_$][\w$]*$/.test(child(node, "FunctionName")?.text ?? "")
    )
      errors.push(`FunctionName "${child(node, "FunctionName")?.text ?? ""}" tidak valid`);
  }

  // Control/group ids.
  const ids = [];
  for (const { node } of walk(app))
    if (node.attrs.id !== undefined && !["Image", "Url", "String"].includes(node.name))
      ids.push(node.attrs.id);
  for (const i of ids) if (i.length > 32) errors.push(`id "${i}" lebih dari 32 karakter`);
  for (const i of new Set(ids))
    if (ids.filter((x) => x === i).length > 1) errors.push(`id "${i}" ganda`);

  // Every URL over https.
  for (const u of urlsOf(xml)) if (!u.startsWith("https://")) errors.push(`URL "${u}" bukan https`);
  if (production && /localhost/i.test(xml))
    errors.push("Manifest produksi masih memuat 'localhost'");
  return errors;
}

/** Add-in URLs in the manifest (attribute values and AppDomain text), without comments. */
function urlsOf(xml) {
  const body = xml.replace(/<!--[\s\S]*?-->/g, "");
  const urls = [
    ...body.matchAll(
      /DefaultValue="(https?:\/\/[^"]*)"|Value="(https?:\/\/[^"]*)"|<AppDomain>([^<]*)<\/AppDomain>/g
    ),
  ];
  return urls.map((m) => m[1] ?? m[2] ?? m[3]);
}

/** Files a manifest points to under `baseUrl` that are missing from `dir`. */
function missingFiles(xml, baseUrl, dir) {
  return urlsOf(xml)
    .filter((u) => u.startsWith(baseUrl) && u.length > baseUrl.length)
    .map((u) => u.slice(baseUrl.length).split(/[?#]/)[0])
    .filter((rel) => !fs.existsSync(path.join(dir, rel)));
}

module.exports = { validateManifest, missingFiles, EXCEL_API };

if (require.main === module) {
  const root = path.resolve(__dirname, "..");
  const { DEV_URL, PROD_URL } = require("./build-config");
  let failed = false;
  // Default: manifest.xml, and dist/manifest.xml as production if built.
  // `node scripts/validate-manifest.js FILE [--produksi]` checks one file.
  const args = process.argv.slice(2);
  const files = args.filter((a) => !a.startsWith("--"));
  const targets = files.length
    ? files.map((f) => ({ file: path.resolve(f), production: args.includes("--produksi") }))
    : [{ file: path.join(root, "manifest.xml"), production: false }];
  const built = path.join(root, "dist", "manifest.xml");
  if (!files.length && fs.existsSync(built)) targets.push({ file: built, production: true });
  for (const t of targets) {
    if (!fs.existsSync(t.file)) {
      console.error(`✗ ${t.file} tidak ditemukan`);
      failed = true;
      continue;
    }
    const xml = fs.readFileSync(t.file, "utf8");
    const errors = validateManifest(xml, { production: t.production });
    try {
      execFileSync("xmllint", ["--noout", t.file], { stdio: "pipe" });
    } catch (e) {
      if (e.code !== "ENOENT") errors.push(`xmllint: ${String(e.stderr || e.message).trim()}`);
    }
    if (t.production) {
      for (const f of missingFiles(xml, PROD_URL, path.dirname(t.file)))
        errors.push(`Berkas ${f} tidak ada di dist/`);
    } else if (path.dirname(t.file) === root) {
      // Icons are served from assets/ as they are; the rest exists only after a build.
      for (const f of missingFiles(xml, DEV_URL, root).filter((f) => f.startsWith("assets/")))
        errors.push(`Berkas ${f} tidak ada`);
    }
    const rel = path.relative(root, t.file);
    if (errors.length) {
      failed = true;
      console.error(`✗ ${rel} tidak valid:\n  - ${errors.join("\n  - ")}`);
    } else console.log(`✓ ${rel} valid${t.production ? ` (produksi, ${PROD_URL})` : ""}`);
  }
  process.exit(failed ? 1 : 0);
}
