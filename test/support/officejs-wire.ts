// The real office.js client in the tests. `@microsoft/office-js`'s own Excel web library runs in
// a Node `vm` with minimal window/document/navigator stubs; `Excel.RequestContext` gets a request
// executor that hands every request office.js serializes to the fake Excel host (object paths →
// fake objects, actions → property sets and method calls, Query actions → loads) and answers
// with the response office.js expects (PascalCase value bags, `_Items`, `_ReferenceId`s).
// Every request and response body is measured in bytes exactly as it is serialized, and the
// 5,000,000-byte limits of Excel on the web are enforced on those bytes. So the gateway runs
// unchanged through Microsoft's client: load-before-read, sync, null objects, navigation loads
// and the payload sizes are office.js's, the workbook behaviour is the fake's.
// (Method: ../shared/research/office-review.md, appendix.)
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { FakeContext, FakeError, type FakeExcelHost } from "../../dev/fake-excel/fake-excel";

export const WIRE_LIMIT_BYTES = 5_000_000;

const LIBRARY = path.resolve(
  __dirname,
  "../../node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js"
);

interface OfficeJs {
  Excel: { RequestContext: new () => OfficeContext };
  OfficeExtension: unknown;
}

interface OfficeContext {
  _requestExecutor: {
    executeAsync: (
      customData: unknown,
      flags: number,
      msg: { Body: RequestBody }
    ) => Promise<unknown>;
  };
  sync: () => Promise<void>;
}

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
}

interface Action {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

interface RequestBody {
  Actions: Action[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

let library: OfficeJs | null = null;

/** office.js loaded once per process (3 MB of script). */
export function officeJs(): OfficeJs {
  if (library) return library;
  const src = fs.readFileSync(LIBRARY, "utf8");
  const doc = {
    getElementsByTagName: () => [],
    createElement: () => ({ style: {}, setAttribute() {}, appendChild() {} }),
    addEventListener() {},
    readyState: "complete",
    cookie: "",
  };
  const g: Record<string, unknown> = {
    document: doc,
    navigator: { userAgent: "node" },
    console: { log() {}, warn() {}, error() {}, info() {} },
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    location: { href: "https://localhost/", protocol: "https:", search: "", hash: "" },
  };
  vm.createContext(g);
  g.window = g;
  g.self = g;
  g.top = g;
  g.parent = g;
  vm.runInContext(src, g, { filename: "excel-web-16.00.debug.js" });
  library = { Excel: g.Excel as OfficeJs["Excel"], OfficeExtension: g.OfficeExtension };
  return library;
}

/** One context.sync() on the wire. */
export interface WireSync {
  /** Excel.run this sync belongs to (0-based, per WireExcel). */
  run: number;
  requestBytes: number;
  responseBytes: number;
  actions: number;
  /** Error code Excel answered with, if any. */
  error?: string;
}

const camel = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function utf8(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

/** The `Excel` namespace for the gateway: Excel.run over the real client, answered by `host`. */
export class WireExcel {
  readonly syncs: WireSync[] = [];
  private runs = 0;
  private refCounter = 0;

  constructor(readonly host: FakeExcelHost) {}

  /** Syncs recorded since the last take(), and forget them. */
  take(): WireSync[] {
    return this.syncs.splice(0, this.syncs.length);
  }

  get runCount(): number {
    return this.runs;
  }

  run = async <T>(a: unknown, b?: unknown): Promise<T> => {
    const fn = (typeof a === "function" ? a : b) as (ctx: unknown) => Promise<T>;
    const { Excel } = officeJs();
    const run = this.runs++;
    this.host.runCount++;
    const ctx = new Excel.RequestContext();
    const fake = new FakeContext(this.host);
    const objects = new Map<number, unknown>();
    const refs = new Map<string, unknown>();
    ctx._requestExecutor = {
      executeAsync: async (_custom, _flags, msg) => {
        const body = msg.Body;
        const text = JSON.stringify(body);
        const requestBytes = utf8(text);
        const record: WireSync = {
          run,
          requestBytes,
          responseBytes: 0,
          actions: body.Actions.length,
        };
        this.syncs.push(record);
        const answer = (responseBody: unknown) => {
          record.responseBytes = utf8(JSON.stringify(responseBody));
          return { ErrorCode: "", HttpStatusCode: 200, Headers: {}, Body: responseBody };
        };
        const fail = (code: string, message: string) => {
          record.error = code;
          fake.discard();
          return answer({
            Error: {
              Code: code,
              Message: message,
              HttpStatusCode: 400,
              Location: "",
              ActionIndex: -1,
            },
          });
        };
        if (requestBytes > WIRE_LIMIT_BYTES)
          return fail(
            "RequestPayloadSizeLimitExceeded",
            "The request payload size has exceeded the limit."
          );
        const paths = body.ObjectPaths;
        const resolve = (id: number): unknown => {
          if (objects.has(id)) return objects.get(id);
          const p = paths[String(id)];
          if (!p) throw new FakeError("InvalidObjectPath", `Unknown object path ${id}`);
          const obj = this.evaluate(p, resolve, fake, refs);
          objects.set(id, obj);
          return obj;
        };
        const after: { action: Action; obj: unknown }[] = [];
        try {
          for (const action of body.Actions) {
            const obj = resolve(action.ObjectPathId);
            switch (action.ActionType) {
              case 1: // Instantiate
                after.push({ action, obj });
                break;
              case 2: // Query
                (obj as { load: (p: string[]) => void }).load(action.QueryInfo?.Select ?? []);
                after.push({ action, obj });
                break;
              case 3: {
                // Method
                const args = this.args(action.ArgumentInfo, resolve);
                const f = (obj as Record<string, unknown>)[camel(action.Name)];
                if (typeof f !== "function")
                  throw new FakeError("ApiNotFound", `The fake has no method ${action.Name}`);
                (f as (...a: unknown[]) => unknown).apply(obj, args);
                break;
              }
              case 4: // SetProperty
                (obj as Record<string, unknown>)[camel(action.Name)] =
                  action.ArgumentInfo?.Arguments?.[0];
                break;
              default:
                throw new FakeError(
                  "ApiNotFound",
                  `Action type ${action.ActionType} is not supported by the wire harness`
                );
            }
          }
          await fake.sync();
        } catch (e) {
          const err = e as FakeError;
          return fail(err.code ?? "GeneralException", err.message);
        }
        const results: { ActionId: number; Value: unknown }[] = [];
        for (const { action, obj } of after) {
          const isNull =
            (obj as { isNullObject?: boolean } | null)?.isNullObject === true || obj === null;
          if (action.ActionType === 1) {
            const p = paths[String(action.ObjectPathId)];
            let value: unknown = isNull ? null : {};
            // Ranges and the like come back with a reference id (office.js then tracks them).
            if (!isNull && p && p.ObjectPathType === 3) {
              const id = `{7B1F7E3C-4A59-4E8B-9C1D-${String(++this.refCounter).padStart(12, "0")}}`;
              refs.set(id, obj);
              value = { _ReferenceId: id };
            }
            results.push({ ActionId: action.Id, Value: value });
          } else {
            results.push({
              ActionId: action.Id,
              Value: isNull
                ? null
                : (obj as { wire: (s: string[]) => unknown }).wire(action.QueryInfo?.Select ?? []),
            });
          }
        }
        const response = answer({ Results: results });
        if (record.responseBytes > WIRE_LIMIT_BYTES)
          return fail(
            "ResponsePayloadSizeLimitExceeded",
            "The response payload size has exceeded the limit."
          );
        return response;
      },
    };
    try {
      const result = await fn(ctx);
      await ctx.sync();
      return result;
    } finally {
      this.host.calculate(); // formula values are current when the operation is over
    }
  };

  private args(
    info: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] } | undefined,
    resolve: (id: number) => unknown
  ): unknown[] {
    const args = [...(info?.Arguments ?? [])];
    const refs = info?.ReferencedObjectPathIds ?? [];
    refs.forEach((id, i) => {
      if (id) args[i] = resolve(id);
    });
    // trailing optional arguments office.js sends as null
    while (args.length && args[args.length - 1] === null) args.pop();
    return args;
  }

  private evaluate(
    p: ObjectPathInfo,
    resolve: (id: number) => unknown,
    fake: FakeContext,
    refs: Map<string, unknown>
  ): unknown {
    switch (p.ObjectPathType) {
      case 1: // global object: the workbook
        return fake.workbook;
      case 6: {
        // reference id
        if (!refs.has(p.Name))
          throw new FakeError("InvalidObjectPath", `Unknown reference ${p.Name}`);
        return refs.get(p.Name);
      }
      case 7:
        return null;
    }
    const parent = resolve(p.ParentObjectPathId!) as Record<string, unknown>;
    if (parent === null) throw new FakeError("InvalidObjectPath", "The object is a null object");
    switch (p.ObjectPathType) {
      case 4: {
        // property
        const v = parent[camel(p.Name)];
        if (v === undefined)
          throw new FakeError("ApiNotFound", `The fake has no property ${p.Name}`);
        return v;
      }
      case 3: {
        // method
        const f = parent[camel(p.Name)];
        if (typeof f !== "function")
          throw new FakeError("ApiNotFound", `The fake has no method ${p.Name}`);
        return (f as (...a: unknown[]) => unknown).apply(
          parent,
          this.args(p.ArgumentInfo, resolve)
        );
      }
      case 5: {
        // indexer: collection.getItem(key)
        const f = parent.getItem;
        if (typeof f !== "function")
          throw new FakeError("ApiNotFound", "The fake has no indexer here");
        return (f as (...a: unknown[]) => unknown).apply(parent, p.ArgumentInfo?.Arguments ?? []);
      }
      default:
        throw new FakeError("ApiNotFound", `Object path type ${p.ObjectPathType} is not supported`);
    }
  }
}

/** Per-operation figures from a list of syncs. */
export function summarise(syncs: WireSync[]): {
  syncs: number;
  runs: number;
  largestRequest: number;
  largestResponse: number;
  totalRequest: number;
  totalResponse: number;
} {
  return {
    syncs: syncs.length,
    runs: new Set(syncs.map((s) => s.run)).size,
    largestRequest: Math.max(0, ...syncs.map((s) => s.requestBytes)),
    largestResponse: Math.max(0, ...syncs.map((s) => s.responseBytes)),
    totalRequest: syncs.reduce((n, s) => n + s.requestBytes, 0),
    totalResponse: syncs.reduce((n, s) => n + s.responseBytes, 0),
  };
}
