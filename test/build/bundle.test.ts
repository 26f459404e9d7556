// Checks of the production build (`npm test` builds first through pretest; this file does not
// build again).
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

const { PROD_URL } = require("../../scripts/build-config.js") as { PROD_URL: string };

const root = path.resolve(__dirname, "../..");
const dist = path.join(root, "dist");
const read = (f: string) => fs.readFileSync(path.join(dist, f), "utf8");
const jsFiles = () => fs.readdirSync(dist).filter((f) => f.endsWith(".js"));

beforeAll(() => {
  if (
    !fs.existsSync(path.join(dist, "functions.js")) ||
    !fs.existsSync(path.join(dist, "manifest.xml"))
  )
    throw new Error(
      "dist/ belum dibangun: jalankan `npm run build:addin` (npm test melakukannya lewat pretest)."
    );
});

test("every id in functions.json is associated in functions.js", () => {
  const meta = JSON.parse(read("functions.json")) as { functions: { id: string }[] };
  const bundle = read("functions.js");
  expect(meta.functions.length).toBeGreaterThanOrEqual(6);
  for (const f of meta.functions) expect(bundle).toContain(`associate("${f.id}"`);
});

test("functions.json lets inputs with errors reach the functions (allowErrorForDataTypeAny, review F14)", () => {
  const meta = JSON.parse(read("functions.json")) as {
    allowErrorForDataTypeAny?: boolean;
    allowCustomDataForDataTypeAny?: boolean;
    functions: unknown[];
  };
  expect(meta.allowErrorForDataTypeAny).toBe(true);
  expect(meta.allowCustomDataForDataTypeAny).toBe(true);
  expect(meta.functions.length).toBeGreaterThanOrEqual(6);
});

test("every ribbon ExecuteFunction of the manifest is associated in the task pane bundle", () => {
  const names = [...read("manifest.xml").matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map(
    (m) => m[1]
  );
  expect(names.sort()).toEqual(["isiCapaian", "validasiSheet"]);
  const bundle = read("taskpane.js");
  for (const n of names) expect(bundle).toContain(`associate("${n}"`);
});

test("the production manifest uses the production URL only, and every URL in it is a built file", () => {
  const m = read("manifest.xml");
  expect(m).not.toMatch(/localhost/);
  expect(m).toContain(`<SourceLocation DefaultValue="${PROD_URL}taskpane.html"/>`);
  const urls = [...m.matchAll(/https:\/\/[^"<\s]+/g)].map((x) => x[0]);
  expect(urls.length).toBeGreaterThan(8);
  const missing = urls
    .filter((u) => u.startsWith(PROD_URL))
    .map((u) => u.slice(PROD_URL.length))
    .filter((rel) => !fs.existsSync(path.join(dist, rel)));
  expect(missing).toEqual([]);
  // Nothing foreign (and no AppDomain repeating SourceLocation's origin).
  expect(urls.filter((u) => !u.startsWith(PROD_URL))).toEqual([]);
});

test("taskpane.html has a Content-Security-Policy allowing only self and the Office CDN", () => {
  const html = read("taskpane.html");
  const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? "";
  expect(csp).toMatch(/default-src 'self'/);
  expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com(;|$)/);
  expect(csp).toMatch(/object-src 'none'/);
  const hosts = [...csp.matchAll(/https:\/\/[^\s;]+/g)].map((m) => m[0]);
  expect(new Set(hosts)).toEqual(new Set(["https://appsforoffice.microsoft.com"]));
  expect(csp).not.toMatch(/unsafe-eval/);
  // office.js from the CDN, not bundled; both shared-runtime bundles on the one page.
  expect(html).toMatch(
    /<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/
  );
  for (const b of ["taskpane.js", "functions.js"]) expect(html).toContain(b);
});

test("no eval or new Function in the built bundles, and office.js is not bundled", () => {
  const files = jsFiles();
  expect(files).toEqual(expect.arrayContaining(["taskpane.js", "functions.js"]));
  for (const f of files) {
    const code = read(f);
    expect({ f, eval: /\beval\s*\(/.test(code) }).toEqual({ f, eval: false });
    expect({ f, fn: /new\s+Function\s*\(/.test(code) }).toEqual({ f, fn: false });
    // A marker of office.js itself (its loader), which must come from the CDN.
    expect({ f, officeJs: code.includes("o15apptofilemappingtable") }).toEqual({
      f,
      officeJs: false,
    });
  }
});

test("the nomenclature data is a separate, lazily loaded chunk", () => {
  const chunks = jsFiles().filter((f) => /^nomenklatur-.*\.js$/.test(f));
  expect(chunks.length).toBeGreaterThanOrEqual(1);
  // A sub-kegiatan name from the data (e.g. "Pembangunan Ruang Unit Kesehatan Sekolah") must
  // not be inside the entry bundles.
  const data = read(chunks[0]);
  const sample = /"\d\.\d\d\.\d\d\.\d\.\d\d\.\d{4}":"([^"]{25,})"/.exec(data)?.[1];
  expect(sample).toBeDefined();
  expect(read("functions.js")).not.toContain(sample!);
  expect(read("taskpane.js")).not.toContain(sample!);
});

test("the functions bundle stays under 60 KB gzip (without the nomenclature chunk)", () => {
  const size = zlib.gzipSync(fs.readFileSync(path.join(dist, "functions.js"))).length;
  console.log(`functions.js: ${(size / 1024).toFixed(1)} KB gzip`);
  expect(size).toBeLessThan(60 * 1024);
});

test("the production dist/ holds the product only: no playground, fake host or samples", () => {
  const all = fs.readdirSync(dist, { recursive: true }).map(String);
  expect(all.filter((f) => /playground|fake-host|samples/.test(f))).toEqual([]);
  for (const f of jsFiles()) expect(read(f)).not.toMatch(/FakeExcelHost|fakeOffice/);
});
