// The built task pane in headless Chromium (Debian's /usr/bin/chromium via playwright-core),
// served from dist/ on 127.0.0.1, with the fake Excel host in place of office.js.
import * as path from "path";
import type { Page } from "playwright-core";
import type { FakeBookData } from "../../dev/fake-excel/fake-excel";
import { e81Grid, e81Row } from "../engine/helpers";
import { fakeCells, openPage, openPlayground, type Playground } from "../support/playground";

const XSS = "<img src=x onerror=alert(1)>";
let pg: Playground;

function book(): FakeBookData {
  const grid = e81Grid([
    e81Row(
      "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
      "Nilai SAKIP Perangkat Daerah",
      {
        t5: [100, 38196110687],
        r6: [80, 14824049774],
        t7: [100, 5405019600],
        tw: [
          [null, 759126775],
          [null, 1482189872],
        ],
      }
    ),
    e81Row(XSS, "Jumlah paket bahan logistik kantor yang disediakan", {
      t5: [25, 66107390],
      r6: [22, 37574000],
      t7: [7, 8600000],
      tw: [
        [0, null],
        [2, 3675000],
        [0, null],
        [0, null],
      ],
      stated: [2, 3675000, 2857, 42.7, 24, 41249000, 96, 62.4],
    }),
    e81Row("Penyediaan Gaji Dan Tunjangan Asn", "Jumlah orang yang menerima gaji", {
      t5: ["36 Org/ bln", 34194514491],
      r6: [108, 13150904052],
      t7: [36, 4839620000],
      tw: [
        ["36 Org/ bln", 983010862],
        ["36 Org/ bln", 1081373851],
      ],
    }),
  ]);
  return { sheets: [{ name: "E81", cells: grid.cells, merges: grid.merges }], active: 0 };
}

async function openPane(): Promise<{ page: Page; dialogs: string[] }> {
  const opened = await openPage(pg, book());
  await opened.page.waitForSelector("#kn-validate");
  return opened;
}

/** Trailing empty cells are not content (the fake grows rows when it writes). */
function trimmed(cells: unknown[][]): unknown[][] {
  return cells.map((row) => {
    const r = [...row] as { value: unknown; formula?: string; numberFormat?: string }[];
    while (
      r.length &&
      r[r.length - 1].value === null &&
      !r[r.length - 1].formula &&
      !r[r.length - 1].numberFormat
    )
      r.pop();
    return r;
  });
}

beforeAll(async () => {
  pg = await openPlayground();
}, 60000);

afterAll(async () => {
  await pg?.close();
});

test("recognise, validate, select, fill, undo — in the real task pane", async () => {
  const { page, dialogs } = await openPane();
  const before = await fakeCells(page);
  await expect(page.locator("#kn-layout-name").textContent()).resolves.toMatch(/E\.81/);

  await page.click("#kn-validate");
  await page.waitForSelector("#kn-counts");
  const counts = await page.locator("#kn-counts").textContent();
  expect(counts).toMatch(/\d+ galat · \d+ peringatan · \d+ info/);
  const issues = page.locator(".kn-issue");
  expect(await issues.count()).toBeGreaterThan(0);

  // Clicking a finding selects its cell in Excel.
  const cell = await issues.first().getAttribute("data-cell");
  await issues.first().click();
  await page.waitForFunction(
    (c) =>
      (window as unknown as { __kinerjaFake: { selection: string } }).__kinerjaFake.selection ===
      `E81!${c}`,
    cell
  );

  // Preview first: nothing written yet.
  await page.click("#kn-fill");
  await page.waitForSelector("#kn-plan-summary");
  expect(await page.locator("#kn-plan-summary").textContent()).toMatch(/sel akan diisi/);
  expect(await fakeCells(page)).toEqual(before);

  await page.click("#kn-write");
  await page.waitForSelector("#kn-undo");
  const after = (await fakeCells(page)) as { value: unknown; formula?: string }[][];
  // Row 9 (index 8): 12K = 2 (sum of flows), 13K = 2/7×100 = 28,57, written as formulas.
  expect(after[8][20]).toMatchObject({ value: 28.57 });
  expect(after[8][20].formula).toMatch(/^=/);
  // Row 10: "36 Org/ bln" is not summed over quarters: 12K = 36.
  expect(after[9][18]).toMatchObject({ value: 36 });

  await page.click("#kn-undo");
  await page.waitForSelector("text=Isi sel dikembalikan");
  expect(await fakeCells(page)).toEqual(before);

  // Untrusted cell text is shown as text, never as HTML.
  await page.click("#kn-recognise");
  expect(await page.locator("img").count()).toBe(0);
  expect(dialogs).toEqual([]);
  await page
    .screenshot({ path: path.resolve(__dirname, "../../tmp/taskpane-320.png"), fullPage: true })
    .catch(() => undefined);
  expect(pg.outside.filter((u) => !u.startsWith("https://appsforoffice.microsoft.com/"))).toEqual(
    []
  );
  await page.close();
}, 60000);

test("the playground (npm start on Linux): Mojokerto E.81 recognised, validated, filled and undone", async () => {
  const page = await pg.browser.newPage({ viewport: { width: 1300, height: 850 } });
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1") return route.continue();
    pg.outside.push(url.href);
    return route.abort();
  });
  await page.goto(`${pg.url}/playground.html`);
  const frame = page.frameLocator("#pane");
  await expect(frame.locator("#kn-layout-name").textContent()).resolves.toMatch(/E\.81/);
  const paneWindow = () => page.frames().find((f) => f.url().includes("taskpane.html"))!;
  const cells = () =>
    paneWindow().evaluate(() =>
      (
        window as unknown as {
          __kinerjaFake: { activeSheet(): { name: string; cells: unknown[][] } };
        }
      ).__kinerjaFake.activeSheet()
    );
  const before = await cells();
  expect(before.name).toBe("E81");

  await frame.locator("#kn-validate").click();
  await frame.locator("#kn-counts").waitFor();
  expect(await frame.locator("#kn-counts").textContent()).toMatch(/[1-9]\d* galat/);
  // The document's own ×100 slip (002:L1359, 15K "8560,00") is among the findings.
  expect(await frame.locator(".kn-issue", { hasText: "8.560" }).count()).toBeGreaterThan(0);
  const first = frame.locator(".kn-issue").first();
  const cell = await first.getAttribute("data-cell");
  await first.click();
  await page.locator("#selected-cell").waitFor();
  expect(
    await page.evaluate(() => {
      const td = document.getElementById("selected-cell") as HTMLTableCellElement;
      const row = (td.parentElement as HTMLTableRowElement).rowIndex;
      const header = document.querySelector("thead tr")!.children[td.cellIndex].textContent;
      return `${header}${row}`;
    })
  ).toBe(cell);

  await frame.locator("#kn-fill").click();
  await frame.locator("#kn-write").click();
  await frame.locator("#kn-undo").waitFor();
  const filled = await cells();
  expect(filled.cells).not.toEqual(before.cells);
  // Predikat colours as real conditional formats; the playground grid evaluates them.
  await frame.locator("#kn-colour").click();
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll("td")).some((td) =>
      ["rgb(33, 102, 172)", "rgb(146, 197, 222)", "rgb(253, 184, 99)", "rgb(179, 88, 6)"].includes(
        (td as HTMLElement).style.backgroundColor
      )
    )
  );
  await page.evaluate(() =>
    document
      .querySelector("td[style*='background']")
      ?.scrollIntoView({ block: "center", inline: "center" })
  );
  await page
    .screenshot({ path: path.resolve(__dirname, "../../tmp/playground-filled.png") })
    .catch(() => undefined);

  // The native chart and the Ringkasan sheet, shown by the playground's sheet tabs.
  await frame.locator("#kn-chart").click();
  await frame.locator("text=Grafik dibuat di sheet").waitFor();
  await frame.locator("#kn-summary").click();
  await frame.locator("text=Ringkasan ditulis di sheet").waitFor();
  const tabs = await page.locator("#tabs .tab").allTextContents();
  expect(tabs).toEqual(expect.arrayContaining(["E81", "Grafik capaian E81", "Ringkasan E81"]));
  await page.locator("#tabs .tab", { hasText: "Grafik capaian E81" }).click();
  const chart = page.locator("svg.kn-chart");
  await chart.waitFor();
  // Mojokerto E.81 has four programs: four columns, and the 100 % target as a line
  expect(await chart.locator("rect.bar").count()).toBe(4);
  expect(await chart.locator("polyline.line").count()).toBe(1);
  expect(await chart.getAttribute("aria-label")).toMatch(
    /^Capaian Kinerja per Program .*MOJOKERTO Tahun 2024$/
  );
  await page.evaluate(() =>
    document.querySelector(".chart")?.scrollIntoView({ block: "nearest", inline: "end" })
  );
  await page
    .screenshot({ path: path.resolve(__dirname, "../../tmp/playground-grafik.png") })
    .catch(() => undefined);
  await page.locator("#tabs .tab", { hasText: "Ringkasan E81" }).click();
  await page.locator("td", { hasText: "Jumlah indikator per predikat" }).waitFor();
  // the summary's formulas were evaluated against the filled table: no formula error shown
  const shown = await page.locator("#sheet td").allTextContents();
  expect(shown.filter((t) => /^#(NAME\?|REF!|VALUE!)/.test(t))).toEqual([]);
  expect(shown).toEqual(expect.arrayContaining(["Sangat Tinggi", "Total"]));
  await page
    .screenshot({ path: path.resolve(__dirname, "../../tmp/playground-ringkasan.png") })
    .catch(() => undefined);
  // Switching sheets: the pane follows (worksheets.onActivated), as in Excel.
  await frame.locator("#kn-layout-name", { hasText: "Tidak dikenali" }).waitFor();
  await page.locator("#tabs .tab", { hasText: /^T-C\.29$/ }).click();
  await frame.locator("#kn-layout-name", { hasText: "T-C.29" }).waitFor();
  await page.locator("#tabs .tab", { hasText: /^E81$/ }).click();
  await frame.locator("#kn-layout-name", { hasText: "E.81" }).waitFor();

  await frame.locator("#kn-undo").click();
  await frame.locator("text=Isi sel dikembalikan").waitFor();
  expect(trimmed((await cells()).cells)).toEqual(trimmed(before.cells));
  await page.close();
}, 60000);

test("the XSS payload appears as text in the issue list", async () => {
  const { page, dialogs } = await openPane();
  await page.click("#kn-validate");
  await page.waitForSelector("#kn-counts");
  const html = await page.content();
  expect(html).not.toContain(XSS);
  expect(await page.locator("img").count()).toBe(0);
  expect(dialogs).toEqual([]);
  await page.close();
}, 60000);

test("outside Excel the pane says where to open it", async () => {
  const page = await pg.browser.newPage({ viewport: { width: 320, height: 600 } });
  await page.route("**/*", (route) =>
    new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort()
  );
  await page.goto(`${pg.url}/bantuan.html`);
  await page.setContent('<main id="app"></main>');
  await page.addScriptTag({ url: `${pg.url}/taskpane.js` });
  await page.evaluate(() => document.dispatchEvent(new Event("DOMContentLoaded")));
  await expect(page.locator("text=Buka dari Excel").count()).resolves.toBe(1);
  await page.close();
}, 60000);
