// The ribbon commands in the built shared-runtime page (dist/taskpane.html) in headless
// Chromium, on the fake Excel host: the buttons of manifest.xml are associated, and they drive
// the same controller the task pane renders (one runtime, one set of module instances).
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { openPlayground, PLAYGROUND_DIST as dist, type Playground } from "../support/playground";

const root = path.resolve(__dirname, "../..");
let pg: Playground;

interface Probe {
  __assoc: Record<string, (event: { completed: () => void }) => void>;
  __cf: Record<string, unknown>;
  __shown: number;
  __failShow: boolean;
  __kinerjaFake: { activeSheet(): { cells: unknown[][] } };
}

/** The page with Office.actions / Office.addin / CustomFunctions recorded. */
async function openPage(): Promise<Page> {
  const page = await pg.browser.newPage({ viewport: { width: 320, height: 900 } });
  await page.route("**/*", (route) =>
    new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort()
  );
  await page.addInitScript(() => {
    const w = window as unknown as Probe & Record<string, unknown>;
    w.__assoc = {};
    w.__cf = {};
    w.__shown = 0;
    w.__failShow = false;
    w.CustomFunctions = {
      associate: (id: string, fn: unknown) => void (w.__cf[id] = fn),
      Error: class {
        constructor(
          public code: string,
          public message?: string
        ) {}
      },
      ErrorCode: {
        invalidValue: "#VALUE!",
        notAvailable: "#N/A",
        divisionByZero: "#DIV/0!",
        invalidNumber: "#NUM!",
      },
    };
    // fake-host.js assigns window.Office; record what the commands register and show.
    let office: Record<string, unknown> | undefined;
    Object.defineProperty(window, "Office", {
      configurable: true,
      get: () => office,
      set: (v: Record<string, unknown>) => {
        v.actions = {
          associate: (id: string, fn: Probe["__assoc"][string]) => void (w.__assoc[id] = fn),
        };
        v.addin = {
          showAsTaskpane: async () => {
            w.__shown++;
            if (w.__failShow) throw new Error("showAsTaskpane tidak didukung");
          },
        };
        office = v;
      },
    });
  });
  await page.goto(`${pg.url}/taskpane.html`);
  await page.waitForSelector("#kn-layout-name");
  return page;
}

/** Presses a ribbon button: calls the associated function as Excel would. */
async function press(page: Page, action: string): Promise<number> {
  return page.evaluate(
    (a) =>
      new Promise<number>((resolve) => {
        const w = window as unknown as Probe;
        let completed = 0;
        w.__assoc[a]({
          completed: () => void (completed++, setTimeout(() => resolve(completed), 50)),
        });
      }),
    action
  );
}

const cells = (page: Page) =>
  page.evaluate(() => (window as unknown as Probe).__kinerjaFake.activeSheet().cells);

beforeAll(async () => {
  pg = await openPlayground();
}, 60000);

afterAll(async () => {
  await pg?.close();
});

test("every ExecuteFunction of the manifest and every custom function id is associated on the page", async () => {
  const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
  const actions = [...manifest.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);
  expect(actions.sort()).toEqual(["isiCapaian", "validasiSheet"]);
  const ids = (
    JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")) as {
      functions: { id: string }[];
    }
  ).functions.map((f) => f.id);
  const page = await openPage();
  const seen = await page.evaluate(() => {
    const w = window as unknown as Probe;
    return { actions: Object.keys(w.__assoc).sort(), functions: Object.keys(w.__cf).sort() };
  });
  expect(seen.actions).toEqual(actions);
  expect(seen.functions).toEqual([...ids].sort());
  await page.close();
}, 60000);

test("Validasi Sheet runs the pane's validation (Mojokerto E.81 ×100 slip, seed 002:L1359) and completes once", async () => {
  const page = await openPage();
  expect(await page.locator("#kn-counts").count()).toBe(0);
  expect(await press(page, "validasiSheet")).toBe(1);
  await page.waitForSelector("#kn-counts");
  expect(await page.locator("#kn-counts").textContent()).toMatch(/[1-9]\d* galat/);
  expect(await page.locator(".kn-issue", { hasText: "8.560" }).count()).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as Probe).__shown)).toBe(1);
  await page.close();
}, 60000);

test("Isi Capaian shows the preview in the pane and writes nothing", async () => {
  const page = await openPage();
  const before = await cells(page);
  expect(await press(page, "isiCapaian")).toBe(1);
  await page.waitForSelector("#kn-plan-summary");
  expect(await page.locator("#kn-plan-summary").textContent()).toMatch(/[1-9]\d* sel akan diisi/);
  expect(await cells(page)).toEqual(before);
  await page.close();
}, 60000);

test("a command still runs and completes when the pane cannot be shown", async () => {
  const page = await openPage();
  await page.evaluate(() => void ((window as unknown as Probe).__failShow = true));
  expect(await press(page, "validasiSheet")).toBe(1);
  await page.waitForSelector("#kn-counts");
  await page.close();
}, 60000);
