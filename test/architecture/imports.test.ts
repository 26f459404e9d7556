// The import graph of src/ and dev/ follows the layers of docs/ARCHITECTURE.md:
//   model ← core ← codes ← sheet ← fill ← checks ← visual ← engine ← app ← doors
// (an arrow points at what may be imported). No cycles, the model is a leaf, pure layers never
// import a door, Office, the DOM or Node, and the product never imports dev/.
// `violations()` is exported so that the test below can prove it fails on a break.
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "../..");

/** Layer of a file (relative to the repo root), or null when it is not ours. */
export function layerOf(file: string): string | null {
  const m = /^src\/([^/]+?)(?:\/|\.ts$)/.exec(file);
  if (m) return m[1];
  if (file.startsWith("dev/")) return "dev";
  return null;
}

/** What each layer may import (besides itself). Doors are the last group. */
export const ALLOWED: Record<string, string[]> = {
  model: [],
  core: ["model"],
  codes: ["model", "core"],
  sheet: ["model", "core", "codes"],
  fill: ["model", "core", "codes", "sheet"],
  checks: ["model", "core", "codes", "sheet", "fill"],
  visual: ["model", "core", "codes", "sheet", "fill"],
  engine: ["model", "core", "codes", "sheet", "fill", "checks", "visual"],
  app: ["model", "core", "codes", "sheet", "fill", "checks", "visual", "engine"],
  // doors
  functions: ["model", "core", "codes"],
  io: ["model", "core", "sheet", "visual"],
  excel: ["model", "core", "sheet", "visual"],
  taskpane: ["model", "core", "codes", "sheet", "visual", "engine", "app", "excel"],
  commands: ["taskpane"],
  cli: ["model", "core", "codes", "sheet", "visual", "engine", "app", "io"],
  help: [],
  dev: [
    "model",
    "core",
    "codes",
    "sheet",
    "fill",
    "checks",
    "visual",
    "engine",
    "app",
    "excel",
    "taskpane",
  ],
};

/** External modules a pure layer may use (no Office, DOM or Node built-ins). */
const PURE_EXTERNAL = new Set(["decimal.js", "zod"]);
const PURE = new Set([
  "model",
  "core",
  "codes",
  "sheet",
  "fill",
  "checks",
  "visual",
  "engine",
  "app",
]);

export interface Edge {
  from: string;
  to: string;
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : /\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Every import/export-from/import() specifier of our .ts files, resolved to repo paths. */
export function importEdges(): Edge[] {
  const edges: Edge[] = [];
  for (const abs of [...walk(path.join(root, "src")), ...walk(path.join(root, "dev"))]) {
    const from = path.relative(root, abs).replace(/\\/g, "/");
    const text = fs.readFileSync(abs, "utf8");
    const re =
      /(?:^|\n)\s*(?:import|export)[^"'`;]*?from\s*["']([^"']+)["']|import\(\s*(?:\/\*[^*]*\*\/\s*)?["']([^"']+)["']\s*\)|^\s*import\s+["']([^"']+)["']/gm;
    for (const m of text.matchAll(re)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (!spec.startsWith(".")) {
        edges.push({ from, to: spec });
        continue;
      }
      let to = path.relative(root, path.resolve(path.dirname(abs), spec)).replace(/\\/g, "/");
      if (fs.existsSync(path.join(root, to + ".ts"))) to += ".ts";
      else if (fs.existsSync(path.join(root, to, "index.ts"))) to += "/index.ts";
      edges.push({ from, to });
    }
  }
  return edges;
}

/** Layer breaks and forbidden externals, as readable lines. */
export function violations(edges: Edge[]): string[] {
  const out: string[] = [];
  for (const { from, to } of edges) {
    const a = layerOf(from);
    if (!a) continue;
    if (!to.startsWith("src/") && !to.startsWith("dev/") && !to.endsWith(".json")) {
      const pkg = to.startsWith("@") ? to.split("/").slice(0, 2).join("/") : to.split("/")[0];
      if (PURE.has(a) && !PURE_EXTERNAL.has(pkg)) out.push(`${from} → ${to} (pure layer)`);
      continue;
    }
    const b = layerOf(to);
    if (!b || a === b) continue;
    if (!(ALLOWED[a] ?? []).includes(b)) out.push(`${from} → ${to} (${a} may not import ${b})`);
  }
  return out;
}

/** File-level cycles (strongly connected components with more than one file, or a self-loop). */
export function cycles(edges: Edge[]): string[][] {
  const graph = new Map<string, string[]>();
  for (const { from, to } of edges)
    if (to.endsWith(".ts")) graph.set(from, [...(graph.get(from) ?? []), to]);
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

const edges = importEdges();

test("the import graph has edges to check (the scanner works)", () => {
  expect(edges.length).toBeGreaterThan(150);
  expect(edges).toContainEqual({ from: "src/engine.ts", to: "src/model/index.ts" });
});

test("no file imports past its layer", () => {
  expect(violations(edges)).toEqual([]);
});

test("no import cycles, type-only imports included", () => {
  expect(cycles(edges)).toEqual([]);
});

test("a layer break or a cycle is caught", () => {
  const broken: Edge[] = [
    { from: "src/core/numbers.ts", to: "src/fill/plan.ts" },
    { from: "src/model/grid.ts", to: "src/core/numbers.ts" },
    { from: "src/sheet/rows.ts", to: "fs" },
  ];
  expect(violations(broken)).toHaveLength(3);
  expect(
    cycles([
      { from: "src/sheet/a.ts", to: "src/sheet/b.ts" },
      { from: "src/sheet/b.ts", to: "src/sheet/a.ts" },
    ])
  ).toEqual([["src/sheet/a.ts", "src/sheet/b.ts"]]);
});

test("every layer of src/ has a rule", () => {
  const layers = fs.readdirSync(path.join(root, "src")).map((f) => f.replace(/\.ts$/, ""));
  expect(layers.filter((l) => !(l in ALLOWED))).toEqual([]);
});
