// No function in src/ is longer than ~80 lines unless a comment right above it says why
// ("// Long: …"). Measured on the TypeScript AST; nested functions count on their own.
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const root = path.resolve(__dirname, "../..");
export const MAX_LINES = 80;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : /\.ts$/.test(e.name) ? [p] : [];
  });
}

export interface LongFunction {
  where: string;
  lines: number;
}

/** Functions of a source text longer than MAX_LINES without a "Long:" reason comment. */
export function longFunctions(file: string, text: string): LongFunction[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true);
  const out: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      const comments = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
      const owner =
        node.parent && ts.isVariableDeclaration(node.parent) ? node.parent.parent?.parent : null;
      const ownerComments = owner
        ? (ts.getLeadingCommentRanges(text, owner.getFullStart()) ?? [])
        : [];
      const reasoned = [...comments, ...ownerComments].some((c) =>
        /\bLong:/.test(text.slice(c.pos, c.end))
      );
      if (lines > MAX_LINES && !reasoned) {
        const name = (node as ts.FunctionLikeDeclaration).name?.getText(sf) ?? "(anonymous)";
        out.push({ where: `${file}:${start + 1} ${name}`, lines });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

test("no function in src/ is over 80 lines without a reason", () => {
  const found = walk(path.join(root, "src")).flatMap((abs) =>
    longFunctions(path.relative(root, abs), fs.readFileSync(abs, "utf8"))
  );
  expect(found).toEqual([]);
});

test("the measure finds a long function and accepts a stated reason", () => {
  const body = Array.from({ length: 90 }, (_, i) => `  const x${i} = ${i};`).join("\n");
  expect(longFunctions("x.ts", `function big() {\n${body}\n}`)).toHaveLength(1);
  expect(
    longFunctions("x.ts", `// Long: one table of cases.\nfunction big() {\n${body}\n}`)
  ).toEqual([]);
});
