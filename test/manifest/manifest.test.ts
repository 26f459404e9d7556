import * as fs from "fs";
import * as path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateManifest } = require("../../scripts/validate-manifest.js") as { validateManifest: (xml: string, o?: { production?: boolean }) => string[] };

const root = path.resolve(__dirname, "../..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

test("the manifest passes the offline validation", () => {
  expect(validateManifest(manifest)).toEqual([]);
});

test.each([
  ["a resid longer than 32 characters", (x: string) => x.split('"Functions.Namespace"').join('"Functions.Namespace.Yang.Terlalu.Panjang"'), /lebih dari 32/],
  ["an unresolved resid", (x: string) => x.replace('<Label resid="Group.Label"/>', '<Label resid="Group.Tidak.Ada"/>'), /tidak ditemukan/],
  ["a runtime resid that differs from FunctionFile", (x: string) => x.replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>'), /FunctionFile/],
  ["a custom-functions page outside the shared runtime", (x: string) => x.replace('<Page>\n              <SourceLocation resid="Taskpane.Url"/>', '<Page>\n              <SourceLocation resid="Functions.Script.Url"/>'), /Page fungsi kustom/],
  ["a resid of the wrong kind", (x: string) => x.replace('<Label resid="Group.Label"/>', '<Label resid="Taskpane.Url"/>'), /harus ShortString/],
  ["a missing SharedRuntime requirement", (x: string) => x.replace('<Set Name="SharedRuntime" MinVersion="1.1"/>', ""), /SharedRuntime/],
  ["elements out of order", (x: string) => x.replace("<ProviderName>Tim Kinerja</ProviderName>", "").replace("<DefaultLocale>", "<ProviderName>Tim Kinerja</ProviderName>\n  <DefaultLocale>").replace("<Version>0.1.0.0</Version>", "").replace("<Permissions>", "<Version>0.1.0.0</Version><Permissions>"), /Urutan/],
  ["a non-GUID id", (x: string) => x.replace(/<Id>[^<]+<\/Id>/, "<Id>kinerja</Id>"), /GUID/],
  ["broken XML", (x: string) => x.replace("</OfficeApp>", ""), /XML tidak valid/],
])("the validation fails on %s", (_name, mutate, message) => {
  const errors = validateManifest(mutate(manifest));
  expect(errors.join("\n")).toMatch(message);
});

test("a production manifest with localhost left in fails", () => {
  expect(validateManifest(manifest, { production: true }).join()).toMatch(/localhost/);
});

test("production URLs come from one setting and replace every occurrence", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { toProduction } = require("../../scripts/build-config.js") as { toProduction: (s: string) => string };
  const prod = toProduction(manifest);
  expect(prod).not.toMatch(/localhost/);
  expect(validateManifest(prod, { production: true })).toEqual([]);
  const count = (manifest.match(/https:\/\/localhost:3000/g) ?? []).length;
  expect(count).toBeGreaterThan(5);
});
