// The offline manifest check (scripts/validate-manifest.js) passes on manifest.xml and fails on
// mutated copies, so it can fail; the production URL comes from one setting.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const { validateManifest } = require("../../scripts/validate-manifest.js") as {
  validateManifest: (xml: string, o?: { production?: boolean }) => string[];
};

const { toProduction, PROD_URL, DEV_URL } = require("../../scripts/build-config.js") as {
  toProduction: (s: string) => string;
  PROD_URL: string;
  DEV_URL: string;
};

const root = path.resolve(__dirname, "../..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

/** Replaces exactly one occurrence (fails the test if the anchor is not there). */
function swap(x: string, from: string, to: string): string {
  expect(x).toContain(from);
  return x.replace(from, to);
}

test("the manifest passes the offline validation", () => {
  expect(validateManifest(manifest)).toEqual([]);
});

test("the manifest is the shared-runtime shape with the KINERJA namespace and three Indonesian buttons", () => {
  expect(manifest).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
  expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1.13"\/>/);
  // review finding 15: no AppDomain equal to SourceLocation, no TaskpaneId under the long runtime
  expect(manifest).not.toMatch(/<AppDomain>/);
  expect(manifest).not.toMatch(/<TaskpaneId>/);
  expect(manifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
  expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="KINERJA"\/>/);
  expect(manifest).toMatch(/<DefaultLocale>id-ID<\/DefaultLocale>/);
  for (const label of ["Validasi Sheet", "Isi Capaian", "Buka Panel"])
    expect(manifest).toContain(`DefaultValue="${label}"`);
  expect([...manifest.matchAll(/<FunctionName>([^<]+)</g)].map((m) => m[1])).toEqual([
    "validasiSheet",
    "isiCapaian",
  ]);
  // Every resid and resource id fits in 32 characters.
  for (const m of manifest.matchAll(/\b(?:resid|id)="([^"]+)"/g))
    expect(m[1].length).toBeLessThanOrEqual(32);
});

test.each([
  [
    "a resid longer than 32 characters",
    (x: string) =>
      x.split('"Functions.Namespace"').join('"Functions.Namespace.Yang.Terlalu.Panjang"'),
    /lebih dari 32/,
  ],
  [
    "an unresolved resid",
    (x: string) => swap(x, '<Label resid="Group.Label"/>', '<Label resid="Group.Tidak.Ada"/>'),
    /tidak ditemukan/,
  ],
  [
    "a runtime resid that differs from FunctionFile",
    (x: string) =>
      swap(
        x,
        '<FunctionFile resid="Taskpane.Url"/>',
        '<FunctionFile resid="Functions.Script.Url"/>'
      ),
    /FunctionFile/,
  ],
  [
    "a Runtime resid that differs from the rest",
    (x: string) =>
      swap(x, '<Runtime resid="Taskpane.Url"', '<Runtime resid="Functions.Script.Url"'),
    /berbeda dengan Runtime/,
  ],
  [
    "a custom-functions page outside the shared runtime",
    (x: string) =>
      swap(
        x,
        '<Page>\n              <SourceLocation resid="Taskpane.Url"/>',
        '<Page>\n              <SourceLocation resid="Functions.Script.Url"/>'
      ),
    /Page fungsi kustom/,
  ],
  [
    "a ShowTaskpane on another page",
    (x: string) =>
      swap(
        x,
        '<Action xsi:type="ShowTaskpane">\n                    <SourceLocation resid="Taskpane.Url"/>',
        '<Action xsi:type="ShowTaskpane">\n                    <SourceLocation resid="Functions.Script.Url"/>'
      ),
    /ShowTaskpane/,
  ],
  [
    "a TaskpaneId under the long-lived runtime",
    (x: string) =>
      swap(
        x,
        '<Action xsi:type="ShowTaskpane">',
        '<Action xsi:type="ShowTaskpane"><TaskpaneId>ButtonId1</TaskpaneId>'
      ),
    /TaskpaneId/,
  ],
  [
    "an AppDomain equal to the SourceLocation origin",
    (x: string) =>
      swap(
        x,
        "  <Hosts>\n",
        "  <AppDomains><AppDomain>https://localhost:3000</AppDomain></AppDomains>\n  <Hosts>\n"
      ),
    /AppDomain https:\/\/localhost:3000 sama dengan asal SourceLocation/,
  ],
  [
    "a missing ExcelApi requirement",
    (x: string) => swap(x, '<Set Name="ExcelApi" MinVersion="1.13"/>', ""),
    /ExcelApi 1\.13/,
  ],
  [
    "an ExcelApi requirement below what the code uses",
    (x: string) =>
      swap(
        x,
        '<Set Name="ExcelApi" MinVersion="1.13"/>',
        '<Set Name="ExcelApi" MinVersion="1.9"/>'
      ),
    /ExcelApi 1\.13/,
  ],
  [
    "a resid of the wrong kind",
    (x: string) => swap(x, '<Label resid="Group.Label"/>', '<Label resid="Taskpane.Url"/>'),
    /harus ShortString/,
  ],
  [
    "a tooltip that is a ShortString",
    (x: string) =>
      swap(x, '<Description resid="Validasi.Tooltip"/>', '<Description resid="Validasi.Label"/>'),
    /harus LongString/,
  ],
  [
    "a missing SharedRuntime requirement",
    (x: string) => swap(x, '<Set Name="SharedRuntime" MinVersion="1.1"/>', ""),
    /SharedRuntime/,
  ],
  [
    "a missing namespace",
    (x: string) => swap(x, 'DefaultValue="KINERJA"', 'DefaultValue=""'),
    /Namespace/,
  ],
  [
    "Runtimes not first in Host",
    (x: string) =>
      swap(
        swap(
          x,
          '<Runtimes>\n          <Runtime resid="Taskpane.Url" lifetime="long"/>\n        </Runtimes>\n',
          ""
        ),
        "</AllFormFactors>",
        '</AllFormFactors><Runtimes><Runtime resid="Taskpane.Url" lifetime="long"/></Runtimes>'
      ),
    /Runtimes/,
  ],
  [
    "top-level elements out of order",
    (x: string) =>
      swap(
        swap(x, "<Version>0.1.0.0</Version>", ""),
        "<Permissions>",
        "<Version>0.1.0.0</Version><Permissions>"
      ),
    /Urutan elemen OfficeApp/,
  ],
  [
    "a button's Action before its Icon",
    (x: string) =>
      swap(
        swap(
          x,
          '<Action xsi:type="ExecuteFunction">\n                    <FunctionName>isiCapaian</FunctionName>\n                  </Action>',
          ""
        ),
        '<Control xsi:type="Button" id="Kinerja.Isi">',
        '<Control xsi:type="Button" id="Kinerja.Isi"><Action xsi:type="ExecuteFunction"><FunctionName>isiCapaian</FunctionName></Action>'
      ),
    /Urutan elemen Control/,
  ],
  [
    "a missing 80 px icon",
    (x: string) => x.split('<bt:Image size="80" resid="Icon.80"/>').join(""),
    /ukuran 80/,
  ],
  [
    "a label over 125 characters",
    (x: string) => swap(x, 'DefaultValue="Isi Capaian"', `DefaultValue="${"Isi ".repeat(40)}"`),
    /lebih dari 125/,
  ],
  [
    "a tooltip over 250 characters",
    (x: string) =>
      swap(x, 'DefaultValue="Buka panel Kinerja."', `DefaultValue="${"Buka panel. ".repeat(25)}"`),
    /lebih dari 250/,
  ],
  [
    "a duplicate control id",
    (x: string) => swap(x, 'id="Kinerja.Isi"', 'id="Kinerja.Validasi"'),
    /ganda/,
  ],
  ["a non-GUID id", (x: string) => x.replace(/<Id>[^<]+<\/Id>/, "<Id>kinerja</Id>"), /GUID/],
  [
    "an http URL",
    (x: string) =>
      swap(x, "https://localhost:3000/functions.json", "http://localhost:3000/functions.json"),
    /bukan https/,
  ],
  ["broken XML", (x: string) => swap(x, "</OfficeApp>", ""), /XML tidak valid/],
])("the validation fails on %s", (_name, mutate, message) => {
  const errors = validateManifest(mutate(manifest));
  expect(errors.join("\n")).toMatch(message);
});

test("the manifest asks for the API sets the gateway checks at run time", () => {
  const { REQUIRED_SETS } = require("../../src/excel/gateway") as {
    REQUIRED_SETS: { name: string; version: string }[];
  };
  const { EXCEL_API } = require("../../scripts/validate-manifest.js") as { EXCEL_API: string };
  for (const s of REQUIRED_SETS)
    expect(manifest).toContain(`<Set Name="${s.name}" MinVersion="${s.version}"/>`);
  expect(REQUIRED_SETS.find((s) => s.name === "ExcelApi")?.version).toBe(EXCEL_API);
});

test("a production manifest with localhost left in fails", () => {
  expect(validateManifest(manifest, { production: true }).join()).toMatch(/localhost/);
  // The Yo Office shared template's bug (anchors §1.3): a string replace changes only the first URL.
  const firstOnly = manifest.replace(DEV_URL, PROD_URL);
  expect(firstOnly).toContain(PROD_URL);
  expect(validateManifest(firstOnly, { production: true }).join()).toMatch(/localhost/);
});

test("production URLs come from one setting and replace every occurrence", () => {
  const count = (manifest.match(/https:\/\/localhost:3000/g) ?? []).length;
  expect(count).toBeGreaterThan(5);
  const prod = toProduction(manifest);
  expect(prod).not.toMatch(/localhost/);
  expect(prod.split(PROD_URL.replace(/\/$/, "")).length - 1).toBe(count);
  expect(validateManifest(prod, { production: true })).toEqual([]);
});

test("KINERJA_PROD_URL overrides the production URL (with or without the trailing slash)", () => {
  const r = spawnSync(
    process.execPath,
    [
      "-e",
      'const c=require("./scripts/build-config.js");process.stdout.write(c.PROD_URL+"|"+c.toProduction("<a>https://localhost:3000/x.js</a><b>https://localhost:3000</b>"))',
    ],
    {
      cwd: root,
      env: { ...process.env, KINERJA_PROD_URL: "https://kinerja.jatimprov.go.id/addin" },
      encoding: "utf8",
    }
  );
  expect(r.stdout).toBe(
    "https://kinerja.jatimprov.go.id/addin/|<a>https://kinerja.jatimprov.go.id/addin/x.js</a><b>https://kinerja.jatimprov.go.id</b>"
  );
});

test("npm run validate's script exits 1 with an Indonesian message on a broken manifest", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-manifest-"));
  const bad = path.join(dir, "manifest.xml");
  fs.writeFileSync(
    bad,
    swap(manifest, '<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Tidak.Ada"/>')
  );
  const r = spawnSync(process.execPath, [path.join(root, "scripts/validate-manifest.js"), bad], {
    encoding: "utf8",
  });
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/tidak valid/);
  expect(r.stderr).toMatch(/resid "Tidak.Ada" \(FunctionFile\) tidak ditemukan di Resources/);
  const ok = spawnSync(
    process.execPath,
    [path.join(root, "scripts/validate-manifest.js"), path.join(root, "manifest.xml")],
    { encoding: "utf8" }
  );
  expect(ok.status).toBe(0);
  expect(ok.stdout).toMatch(/✓ manifest.xml valid/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("every icon the manifest names is a PNG of its stated size, as scripts/make-icons.js draws it", () => {
  const { draw } = require("../../scripts/make-icons.js") as { draw: (size: number) => Buffer };
  const named = new Map<string, number>();
  for (const m of manifest.matchAll(
    /<bt:Image id="([^"]+)" DefaultValue="[^"]*\/assets\/(icon-(\d+)\.png)"/g
  ))
    named.set(m[2], Number(m[3]));
  for (const m of manifest.matchAll(/Url DefaultValue="[^"]*\/assets\/(icon-(\d+)\.png)"/g))
    named.set(m[1], Number(m[2]));
  expect([...named.values()].sort((a, b) => a - b)).toEqual([16, 32, 64, 80]);
  for (const [file, size] of named) {
    const png = fs.readFileSync(path.join(root, "assets", file));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    expect(png.equals(draw(size))).toBe(true);
  }
});
