// The built playground (dist-playground/: the real task pane over the fake Excel host) served on
// 127.0.0.1 and opened in Debian's headless Chromium, for the browser tests.
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import type { FakeBookData } from "../../dev/fake-excel/fake-excel";
import type { Cell } from "../../src/model/grid";

const { startServer } = require("../../scripts/playground-server.js") as {
  startServer: (o: object) => Promise<{ url: string; close: () => Promise<void> }>;
};

export const PLAYGROUND_DIST = path.resolve(__dirname, "../../dist-playground");

export interface Playground {
  url: string;
  browser: Browser;
  /** Every request a page tried to send off 127.0.0.1 (aborted). */
  outside: string[];
  close(): Promise<void>;
}

/** Serves the built playground and launches Chromium; a clear message when either is missing. */
export async function openPlayground(): Promise<Playground> {
  if (
    !fs.existsSync(path.join(PLAYGROUND_DIST, "taskpane.html")) ||
    !fs.existsSync(path.join(PLAYGROUND_DIST, "fake-host.js"))
  )
    throw new Error(
      "dist-playground/ belum dibangun: jalankan `npm run build:playground` (npm test melakukannya lewat pretest)."
    );
  if (!fs.existsSync("/usr/bin/chromium"))
    throw new Error("Chromium tidak ada: apt-get install -y chromium");
  const server = await startServer({ dist: PLAYGROUND_DIST });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  return {
    url: server.url,
    browser,
    outside: [],
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A 320 px page with nothing allowed off 127.0.0.1, dialogs recorded and dismissed, and `book`
 * as the fake host's workbook; `file` is the page to open (the task pane by default).
 */
export async function openPage(
  pg: Playground,
  book?: FakeBookData,
  file = "taskpane.html"
): Promise<{ page: Page; dialogs: string[] }> {
  const page = await pg.browser.newPage({ viewport: { width: 320, height: 900 } });
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1") return route.continue();
    pg.outside.push(url.href);
    return route.abort();
  });
  if (book)
    await page.addInitScript(
      (b) => ((window as unknown as { __KINERJA_BOOK__: unknown }).__KINERJA_BOOK__ = b),
      book
    );
  await page.goto(`${pg.url}/${file}`);
  return { page, dialogs };
}

/** The fake host's active sheet as the page sees it. */
export const fakeCells = (page: Page): Promise<Cell[][]> =>
  page.evaluate(
    () =>
      (
        window as unknown as { __kinerjaFake: { activeSheet(): { cells: Cell[][] } } }
      ).__kinerjaFake.activeSheet().cells
  );
