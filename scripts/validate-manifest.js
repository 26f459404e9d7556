#!/usr/bin/env node
// Offline manifest check (`npm run validate`). office-addin-manifest's validator needs the
// network, so this checks what breaks shared-runtime add-ins in practice: resids that do not
// resolve or are too long, runtime resids that disagree, leftover localhost URLs in production.
"use strict";
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");
const { XMLParser, XMLValidator } = require("fast-xml-parser");

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Returns a list of Indonesian error messages (empty = valid). */
function validateManifest(xml, { production = false } = {}) {
  const errors = [];
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) return [`XML tidak valid: ${wellFormed.err.msg} (baris ${wellFormed.err.line})`];

  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", removeNSPrefix: true, isArray: (_name, _path, _leaf, isAttribute) => !isAttribute });
  const doc = parser.parse(xml);
  const app = doc.OfficeApp?.[0];
  if (!app) return ["Elemen akar OfficeApp tidak ada"];

  // Top-level order required by the schema (subset used here).
  const order = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"];
  const present = topLevelOrder(xml).filter((n) => order.includes(n));
  const sorted = [...present].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  if (present.join() !== sorted.join()) errors.push(`Urutan elemen OfficeApp salah: ${present.join(", ")}`);
  for (const required of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "Hosts", "DefaultSettings", "Permissions", "VersionOverrides"])
    if (!app[required]) errors.push(`Elemen wajib ${required} tidak ada`);

  const id = text(app.Id?.[0]);
  if (!GUID.test(id)) errors.push(`Id "${id}" bukan GUID`);

  // Resources by kind.
  const vo = app.VersionOverrides?.[0];
  const res = vo?.Resources?.[0] ?? {};
  const defs = new Map();
  const collect = (group, item, kind, max) => {
    for (const g of res[group] ?? []) for (const e of g[item] ?? []) {
      const rid = e["@id"];
      if (defs.has(rid)) errors.push(`Resource id "${rid}" ganda`);
      defs.set(rid, { kind, value: e["@DefaultValue"] ?? "" });
      if (rid.length > 32) errors.push(`Resource id "${rid}" lebih dari 32 karakter`);
      if (max && (e["@DefaultValue"] ?? "").length > max) errors.push(`Teks "${rid}" lebih dari ${max} karakter`);
    }
  };
  collect("Images", "Image", "Image");
  collect("Urls", "Url", "Url");
  collect("ShortStrings", "String", "ShortString", 125);
  collect("LongStrings", "String", "LongString", 250);

  // Every resid used must resolve to a resource of the right kind.
  const expectKind = { Image: "Image", SourceLocation: "Url", FunctionFile: "Url", LearnMoreUrl: "Url", Runtime: "Url", Title: "ShortString", Label: "ShortString", Namespace: "ShortString", Description: null };
  const uses = [];
  walk(vo, null, (name, node) => {
    if (node && typeof node === "object" && node["@resid"] !== undefined) uses.push({ name, resid: node["@resid"] });
  });
  for (const u of uses) {
    if (u.resid.length > 32) errors.push(`resid "${u.resid}" lebih dari 32 karakter`);
    const def = defs.get(u.resid);
    if (!def) {
      errors.push(`resid "${u.resid}" (${u.name}) tidak ditemukan di Resources`);
      continue;
    }
    const want = expectKind[u.name];
    if (u.name === "Description" && !["ShortString", "LongString"].includes(def.kind)) errors.push(`resid "${u.resid}" harus berupa teks`);
    else if (want && def.kind !== want) errors.push(`resid "${u.resid}" (${u.name}) harus ${want}, bukan ${def.kind}`);
  }

  // Shared runtime: Runtime, CustomFunctions Page, FunctionFile and ShowTaskpane use one resid.
  const host = vo?.Hosts?.[0]?.Host?.[0];
  const runtime = host?.Runtimes?.[0]?.Runtime?.[0]?.["@resid"];
  if (!runtime) errors.push("Runtimes/Runtime (shared runtime) tidak ada");
  const firstChild = firstChildOf(xml, "Host", 'xsi:type="Workbook"');
  if (firstChild && firstChild !== "Runtimes") errors.push("Runtimes harus menjadi elemen pertama di dalam Host");
  const cfPoint = (host?.AllFormFactors?.[0]?.ExtensionPoint ?? []).find((e) => e["@type"] === "CustomFunctions");
  if (!cfPoint) errors.push("ExtensionPoint CustomFunctions tidak ada");
  else {
    const page = cfPoint.Page?.[0]?.SourceLocation?.[0]?.["@resid"];
    if (page !== runtime) errors.push(`Page fungsi kustom (${page}) berbeda dengan Runtime (${runtime})`);
    const ns = cfPoint.Namespace?.[0]?.["@resid"];
    if (!ns || !defs.get(ns)?.value) errors.push("Namespace fungsi kustom kosong");
  }
  const dff = host?.DesktopFormFactor?.[0];
  const functionFile = dff?.FunctionFile?.[0]?.["@resid"];
  if (functionFile !== runtime) errors.push(`FunctionFile (${functionFile}) berbeda dengan Runtime (${runtime})`);
  walk(dff, null, (name, node) => {
    if (name === "Action" && node["@type"] === "ShowTaskpane") {
      const loc = node.SourceLocation?.[0]?.["@resid"];
      if (loc !== runtime) errors.push(`ShowTaskpane (${loc}) berbeda dengan Runtime (${runtime})`);
    }
  });
  const reqSets = app.Requirements?.[0]?.Sets?.[0]?.Set ?? [];
  if (!reqSets.some((s) => s["@Name"] === "SharedRuntime")) errors.push("Requirements tidak memuat SharedRuntime");

  for (const el of walkIds(xml)) if (el.length > 32) errors.push(`id "${el}" lebih dari 32 karakter`);

  if (production && /localhost/i.test(xml)) errors.push("Manifest produksi masih memuat 'localhost'");
  return errors;
}

function text(n) {
  return typeof n === "string" ? n : n?.["#text"] ?? "";
}

function walk(node, name, fn) {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, name, fn));
  if (!node || typeof node !== "object") return;
  fn(name, node);
  for (const [k, v] of Object.entries(node)) if (!k.startsWith("@")) walk(v, k, fn);
}

function topLevelOrder(xml) {
  const body = xml.replace(/<!--[\s\S]*?-->/g, "");
  const start = body.indexOf(">", body.indexOf("<OfficeApp")) + 1;
  const names = [];
  let depth = 0;
  const re = /<(\/?)([A-Za-z:]+)[^>]*?(\/?)>/g;
  re.lastIndex = start;
  let m;
  while ((m = re.exec(body))) {
    const [, close, tag, self] = m;
    const local = tag.split(":").pop();
    if (local === "OfficeApp" && close) break;
    if (close) depth--;
    else {
      if (depth === 0) names.push(local);
      if (!self) depth++;
    }
  }
  return names;
}

function firstChildOf(xml, tag, attr) {
  const body = xml.replace(/<!--[\s\S]*?-->/g, "");
  const i = body.indexOf(`<${tag} ${attr}`);
  if (i < 0) return null;
  const m = /<([A-Za-z:]+)/.exec(body.slice(body.indexOf(">", i) + 1));
  return m ? m[1].split(":").pop() : null;
}

function walkIds(xml) {
  return [...xml.replace(/<!--[\s\S]*?-->/g, "").matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
}

module.exports = { validateManifest };

if (require.main === module) {
  const root = path.resolve(__dirname, "..");
  let failed = false;
  const targets = [{ file: path.join(root, "manifest.xml"), production: false }];
  const built = path.join(root, "dist", "manifest.xml");
  if (fs.existsSync(built)) targets.push({ file: built, production: true });
  for (const t of targets) {
    const errors = validateManifest(fs.readFileSync(t.file, "utf8"), { production: t.production });
    try {
      execFileSync("xmllint", ["--noout", t.file], { stdio: "pipe" });
    } catch (e) {
      if (e.code !== "ENOENT") errors.push(`xmllint: ${String(e.stderr || e.message).trim()}`);
    }
    const rel = path.relative(root, t.file);
    if (errors.length) {
      failed = true;
      console.error(`✗ ${rel}:\n  - ${errors.join("\n  - ")}`);
    } else console.log(`✓ ${rel} valid${t.production ? " (produksi)" : ""}`);
  }
  process.exit(failed ? 1 : 0);
}
