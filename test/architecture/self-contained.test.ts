// The repository runs on what it holds: no code reaches for ../shared (real workbooks that may
// not be redistributed) except the optional real-data suites, through test/support/shared.ts,
// which skip with a message when it is absent. Checked on the TypeScript AST: a path literal
// naming a "shared" folder, or an import of the support module, outside those files fails.
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const root = path.resolve(__dirname, "../..");
const LOCATOR = "test/support/shared.ts";
// the one-line notice at the top of `npm test` when the optional suites will be skipped
const NOTICE = "test/setup/shared-notice.js";
const SELF = "test/architecture/self-contained.test.ts";
const OPTIONAL = [/^test\/real\//, /^test\/codes\/real-workbooks\.test\.ts$/];

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "tmp" || e.name === "node_modules" ? [] : walk(p);
    return /\.(ts|js)$/.test(e.name) ? [p] : [];
  });
}

/** A relative path into ../shared, or "shared" as a segment given to path.join/resolve. */
function isSharedPath(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral): boolean {
  const s = node.text;
  if (!/\s/.test(s) && /(^|[\\/])\.\.[\\/](\.\.[\\/])*shared([\\/]|$)/.test(s)) return true;
  const call = node.parent;
  return (
    s === "shared" &&
    ts.isCallExpression(call) &&
    /\b(join|resolve)$/.test(call.expression.getText()) &&
    call.arguments.some((a) => a === node)
  );
}

/** What in a source text reaches outside the repository for ../shared. */
export function reachesShared(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const s = node.text;
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      if (ts.isImportDeclaration(node.parent) && /support\/shared$/.test(s))
        out.push(`${file}:${line} imports ${s}`);
      else if (isSharedPath(node)) out.push(`${file}:${line} "${s}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

test("no code outside the optional real-data suites reads ../shared", () => {
  const files = ["src", "scripts", "dev", "test"].flatMap((d) => walk(path.join(root, d)));
  const found = files.flatMap((f) => {
    const rel = path.relative(root, f).replace(/\\/g, "/");
    if (rel === LOCATOR || rel === NOTICE || rel === SELF || OPTIONAL.some((re) => re.test(rel)))
      return [];
    return reachesShared(rel, fs.readFileSync(f, "utf8"));
  });
  expect(found).toEqual([]);
});

test("each optional suite finds ../shared only through the locator, which skips visibly", () => {
  const locator = fs.readFileSync(path.join(root, LOCATOR), "utf8");
  expect(locator).toMatch(/test\.skip\(/);
  const suites = walk(path.join(root, "test")).filter((f) =>
    OPTIONAL.some((re) => re.test(path.relative(root, f).replace(/\\/g, "/")))
  );
  expect(suites.length).toBeGreaterThanOrEqual(3);
  for (const f of suites) {
    const text = fs.readFileSync(f, "utf8");
    if (!/\.test\.ts$/.test(f)) continue;
    expect({ f, locator: /from "\.\.\/support\/shared"/.test(text) }).toEqual({ f, locator: true });
    expect({ f, skips: /skippedSuite\(/.test(text) }).toEqual({ f, skips: true });
  }
});

test("the check finds a path to ../shared and an import of the locator", () => {
  expect(
    reachesShared("a.ts", 'const p = path.resolve(__dirname, "../../shared/x");')
  ).toHaveLength(1);
  expect(reachesShared("a.ts", 'path.join(root, "..", "shared");')).toHaveLength(1);
  expect(reachesShared("a.ts", 'import { sharedPath } from "../support/shared";')).toHaveLength(1);
  expect(reachesShared("a.ts", "// ../shared in a comment\nconst t = 't=\"shared\"';")).toEqual([]);
});
