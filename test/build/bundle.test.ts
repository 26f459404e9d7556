// Checks of the production build (`npm test` builds first through pretest).
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

const dist = path.resolve(__dirname, "../../dist");
const read = (f: string) => fs.readFileSync(path.join(dist, f), "utf8");

beforeAll(() => {
  if (!fs.existsSync(path.join(dist, "functions.js"))) throw new Error("dist/ belum dibangun: jalankan `npm run build:addin` (npm test melakukannya lewat pretest).");
});

test("every id in functions.json is associated in functions.js", () => {
  const meta = JSON.parse(read("functions.json")) as { functions: { id: string }[] };
  const bundle = read("functions.js");
  expect(meta.functions.length).toBeGreaterThanOrEqual(6);
  for (const f of meta.functions) expect(bundle).toContain(`associate("${f.id}"`);
});

test("the production manifest uses the production URL only", () => {
  const m = read("manifest.xml");
  expect(m).not.toMatch(/localhost/);
  expect(m).toMatch(/<SourceLocation DefaultValue="https:\/\/[^"]+\/taskpane.html"\/>/);
});

test("taskpane.html has a Content-Security-Policy allowing only self and the Office CDN", () => {
  const html = read("taskpane.html");
  const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? "";
  expect(csp).toMatch(/default-src 'self'/);
  expect(csp).toMatch(/object-src 'none'/);
  const hosts = [...csp.matchAll(/https:\/\/[^\s;]+/g)].map((m) => m[0]);
  expect(new Set(hosts)).toEqual(new Set(["https://appsforoffice.microsoft.com"]));
  expect(csp).not.toMatch(/unsafe-eval/);
  // The three shared-runtime bundles are on the one page.
  for (const b of ["taskpane.js", "functions.js", "commands.js"]) expect(html).toContain(b);
});

test("no eval or new Function in the built bundles", () => {
  for (const f of fs.readdirSync(dist).filter((f) => f.endsWith(".js"))) {
    const code = read(f);
    expect({ f, eval: /\beval\s*\(/.test(code) }).toEqual({ f, eval: false });
    expect({ f, fn: /new\s+Function\s*\(/.test(code) }).toEqual({ f, fn: false });
  }
});

test("the functions bundle stays under 60 KB gzip (without the nomenclature chunk)", () => {
  const size = zlib.gzipSync(fs.readFileSync(path.join(dist, "functions.js"))).length;
  expect(size).toBeLessThan(60 * 1024);
});
