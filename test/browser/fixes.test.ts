// The pane's fix flows in headless Chromium at 320 px, on the fake Excel host: the
// findings with their "Perbaiki" buttons, "Perbaiki semua yang aman", the preview (cell, before →
// after) with nothing written, Tulis, Batalkan restoring exactly; "Perbarui ke nomenklatur TA
// 2027" with its report. Screenshots go to tmp/ (copied by hand into docs/img/ when good).
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import type { FakeBookData } from "../../dev/fake-excel/fake-excel";
import type { Grid } from "../../src/model/grid";
import { readGrids } from "../../src/io/ooxml";
import { tc29Grid } from "../engine/helpers";
import { buildWorkbook } from "../support/fixtures";
import { changedCells } from "../support/cells";
import { renja2026 } from "../fixtures/specs/renja-2026";
import { fakeCells, openPage, openPlayground, type Playground } from "../support/playground";

const shots = path.resolve(__dirname, "../../tmp");
let pg: Playground;

const bookOf = (g: Grid): FakeBookData => ({
  sheets: [{ name: g.name, cells: g.cells, merges: g.merges }],
  active: 0,
});

/** A T-C.29 with codes written "2 | 7 | 3" (kode.format) and a variant name (kode.nama-beda). */
const codes = () =>
  tc29Grid([
    [
      2,
      7,
      3,
      "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA",
      "Persentase lulusan",
      60,
      40,
      50,
      52,
      104,
      55,
      55,
      91.67,
    ],
    [
      2,
      "07",
      "03.2.01.0003",
      "Pengadaan Sarana Pelatihan Kerja Kab/Kota",
      "Jumlah sarana",
      4,
      1,
      1,
      1,
      100,
      1,
      2,
      50,
    ],
    [
      2,
      "07",
      "04.2.01.0003",
      "Pelayanan antar Kerja",
      "Jumlah pencari kerja",
      40,
      10,
      10,
      10,
      80,
      10,
      20,
      50,
    ],
  ]);

async function openPane(book: FakeBookData): Promise<{ page: Page; dialogs: string[] }> {
  const opened = await openPage(pg, book);
  await opened.page.waitForSelector("#kn-validate");
  return opened;
}

/** Nothing sticks out of a 320 px pane (no horizontal scrolling). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  pg = await openPlayground();
}, 60000);

afterAll(async () => {
  await pg?.close();
});

test("Perbaiki and Perbaiki semua yang aman at 320 px: preview, write, exact undo", async () => {
  const { page, dialogs } = await openPane(bookOf(codes()));
  const before = await fakeCells(page);
  await page.click("#kn-validate");
  await page.waitForSelector("#kn-counts");
  // each finding with a fix says what it changes and has its button; the choices have theirs
  // (kode.format findings are info: their group is folded until opened)
  await page.click(".kn-group-info > summary");
  const fix = page.locator(".kn-fix[data-rule='kode.format']").first();
  expect(await fix.getAttribute("data-cell")).toBe("A7");
  expect(
    await page.locator(".kn-fixes", { hasText: "Tulis kode resmi 2.07.03 di B7, C7" }).count()
  ).toBe(1);
  expect(await page.locator(".kn-choice").count()).toBe(2);
  await expect(page.locator("#kn-fix-safe").textContent()).resolves.toBe(
    "Perbaiki semua yang aman (2)"
  );
  await page
    .locator("section[aria-labelledby='kn-val-title']")
    .screenshot({ path: path.join(shots, "taskpane-temuan-320.png") });

  // one finding: its preview, then Batal — nothing written
  await fix.click();
  await page.waitForSelector("#kn-fix-preview");
  expect(await page.locator("#kn-fix-changes li").allTextContents()).toEqual([
    "B7 7 → 07 (format General → @)",
    "C7 3 → 03 (format General → @)",
  ]);
  await page.click("#kn-fix-cancel");
  await page.waitForSelector("#kn-fix-preview", { state: "detached" });
  expect(await fakeCells(page)).toEqual(before);

  // all safe fixes: the preview lists every cell, before → after
  await page.click("#kn-fix-safe");
  await page.waitForSelector("#kn-fix-changes");
  expect(await page.locator("#kn-fix-summary").textContent()).toMatch(/^3 sel akan berubah/);
  expect(await page.locator("#kn-fix-changes li").count()).toBe(3);
  expect(await fakeCells(page)).toEqual(before);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(shots, "taskpane-perbaiki-320.png"), fullPage: true });
  await page
    .locator("#kn-fix-preview")
    .screenshot({ path: path.join(shots, "taskpane-perbaiki-pratinjau-320.png") });

  await page.click("#kn-fix-write");
  await page.waitForSelector("text=2 perbaikan ditulis (3 sel)");
  const after = await fakeCells(page);
  expect(changedCells({ cells: before }, { cells: after }).sort()).toEqual(["B7", "C7", "D8"]);
  expect(await page.locator(".kn-issue[data-cell='A7']").count()).toBe(0); // validated again
  await page.click("#kn-undo");
  await page.waitForSelector("text=Isi sel dikembalikan");
  expect(await fakeCells(page)).toEqual(before);
  expect(dialogs).toEqual([]);
  await page.close();
}, 60000);

test("Perbarui ke nomenklatur TA 2027 at 320 px: the report, the preview, write and undo", async () => {
  const grid = readGrids(new Uint8Array(await buildWorkbook(renja2026).xlsx.writeBuffer()))
    .sheets[0];
  const { page } = await openPane(bookOf(grid));
  const before = await fakeCells(page);
  await page.click("#kn-migrate");
  await page.waitForSelector("#kn-migration-summary");
  expect(await page.locator("#kn-migration-summary").textContent()).toMatch(
    /7 kode diganti, 0 nama berubah, 4 dihapus tanpa pengganti, 0 perlu dipilih, 4 sub kegiatan baru belum ada di sheet/
  );
  const lines = (id: string) => page.locator(`[data-section='${id}'] li`).allTextContents();
  expect(await lines("mapped")).toContain(
    "baris 18: 2.07.03.2.01.0005 Pengadaan Sarana Pelatihan Vokasi dan Produktivitas → 2.07.03.2.01.0008 Pengembangan Prasarana dan Sarana Pelatihan Vokasi"
  );
  expect((await lines("retired")).length).toBe(4);
  expect(await lines("added")).toContain(
    "2.07.03.2.01.0007 Sertifikasi Kompetensi Kerja (kegiatan 2.07.03.2.01)"
  );
  expect(await page.locator("#kn-fix-changes li").count()).toBe(13);
  expect(await fakeCells(page)).toEqual(before);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(shots, "taskpane-migrasi-320.png"), fullPage: true });
  await page
    .locator("#kn-fix-preview")
    .screenshot({ path: path.join(shots, "taskpane-migrasi-laporan-320.png") });

  await page.click("#kn-fix-write");
  await page.waitForSelector("text=Migrasi ditulis (13 sel)");
  const after = await fakeCells(page);
  expect(changedCells({ cells: before }, { cells: after }).every((c) => /^[FG]\d+$/.test(c))).toBe(
    true
  );
  await page.click("#kn-undo");
  await page.waitForSelector("text=Isi sel dikembalikan");
  expect(await fakeCells(page)).toEqual(before);
  expect(pg.outside.filter((u) => !u.startsWith("https://appsforoffice.microsoft.com/"))).toEqual(
    []
  );
  await page.close();
}, 60000);
