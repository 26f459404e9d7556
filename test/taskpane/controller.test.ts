import { TaskpaneController } from "../../src/taskpane/controller";
import { ExcelGateway } from "../../src/excel/gateway";
import { FakeExcelHost } from "../../dev/fake-excel/fake-excel";
import { documentStore } from "../../src/excel/helpers";
import { e81Grid, e81Row } from "../engine/helpers";

function setup(extra: { protected?: boolean; empty?: boolean } = {}) {
  const grid = extra.empty
    ? { name: "Kosong", cells: [], merges: [] }
    : e81Grid([
        e81Row("Penyediaan Bahan Logistik Kantor", "Jumlah paket", {
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
      ]);
  const host = new FakeExcelHost({
    sheets: [
      {
        name: grid.name,
        cells: structuredClone(grid.cells),
        merges: grid.merges,
        protected: extra.protected,
      },
    ],
  });
  const store = documentStore(null);
  const ctl = new TaskpaneController(new ExcelGateway(host.excel()), store);
  return { host, ctl, store };
}

test("validate lists the document's error at its cell", async () => {
  const { ctl } = setup();
  await ctl.validate();
  expect(ctl.state.phase).toBe("validated");
  expect(ctl.state.issues!.some((i) => i.cell === "U8" && i.rule === "hitung.beda")).toBe(true);
});

test("preview writes nothing; write then undo restores exactly", async () => {
  const { ctl, host } = setup();
  const before = structuredClone(host.activeSheet().cells);
  await ctl.preview();
  expect(ctl.state.phase).toBe("preview");
  expect(ctl.state.plan!.writes.length).toBeGreaterThan(0);
  expect(host.activeSheet().cells).toEqual(before);
  await ctl.write();
  expect(ctl.state.phase).toBe("written");
  expect(host.activeSheet().cells).not.toEqual(before);
  await ctl.undo();
  expect(host.activeSheet().cells).toEqual(before);
});

test("a per-row override changes the plan (accumulation)", async () => {
  const { ctl } = setup();
  await ctl.preview();
  const row = ctl.state.plan!.decisions[0].row;
  const before = ctl.state.plan!.writes.find((w) => w.row === row && w.col === 18)!.value;
  ctl.override(row, { accumulation: "terakhir" });
  const after = ctl.state.plan!.writes.find((w) => w.row === row && w.col === 18)!.value;
  expect(before).toBe(2);
  expect(after).toBe(2); // the last reported quarter (zeros after TW II are not reports yet)
  expect(ctl.state.plan!.decisions.find((d) => d.row === row)!.accumulation).toBe("terakhir");
  ctl.override(row, { accumulation: "rata" });
  expect(ctl.state.plan!.writes.find((w) => w.row === row && w.col === 18)!.value).not.toBe(2);
});

test("protected sheet: clear message, nothing written", async () => {
  const { ctl, host } = setup({ protected: true });
  const before = structuredClone(host.activeSheet().cells);
  await ctl.preview();
  await ctl.write();
  expect(ctl.state.error).toMatch(/diproteksi/);
  expect(host.activeSheet().cells).toEqual(before);
});

test("empty sheet and outside Excel states", async () => {
  const { ctl } = setup({ empty: true });
  await ctl.recognise();
  expect(ctl.state.emptySheet).toBe(true);
  const outside = new TaskpaneController(null);
  expect(outside.state.outsideExcel).toBe(true);
  await outside.validate();
  expect(outside.state.error).toMatch(/di dalam Excel/);
});

test("settings and column corrections are saved with the workbook and reused", async () => {
  const { ctl, store } = setup();
  await ctl.saveSettings({ scale: "lkjip", decimals: 1 });
  expect(store.get<{ scale: string }>("kinerja.pengaturan")!.scale).toBe("lkjip");
  await ctl.recognise();
  const cols = { ...ctl.state.recognition!.columns, indikator: 2 };
  await ctl.saveMapping({ columns: cols });
  expect(ctl.state.recognition!.columns.indikator).toBe(2);
  const again = new TaskpaneController(new ExcelGateway(setup().host.excel()), store);
  expect(again.state.settings.scale).toBe("lkjip");
});

describe("another sheet activated (worksheets.onActivated)", () => {
  function twoSheets() {
    const { host, ctl, store } = setup();
    host.book.sheets.push({
      name: "Catatan",
      cells: [[{ value: "catatan rapat" }], [{ value: "isi bebas" }]],
      merges: [],
    });
    const gw = new ExcelGateway(host.excel());
    return { host, ctl, store, gw };
  }
  const settle = () => new Promise((r) => setTimeout(r, 0));

  test("the pane recognises the sheet the user switches to; the handler is registered on sync", async () => {
    const { host, ctl, gw } = twoSheets();
    await ctl.recognise();
    expect(ctl.state.recognition?.layout).toBe("E81");
    host.resetCounters();
    await gw.onActiveSheetChanged(() => void ctl.sheetActivated());
    expect(host.syncCount).toBe(1);
    expect(host.activationHandlers).toHaveLength(1);
    host.activate("Catatan");
    await settle();
    await settle();
    expect(ctl.state.sheetName).toBe("Catatan");
    expect(ctl.state.recognition?.layout).toBeNull();
    expect(ctl.state.issues).toBeNull();
  });

  test("highlights are cleared on the sheet they were put on, not on the active one", async () => {
    const { host, ctl } = twoSheets();
    await ctl.validate();
    expect(ctl.state.issues!.length).toBeGreaterThan(0);
    await ctl.toggleHighlights();
    expect(Object.keys(host.book.sheets[0].fills ?? {}).length).toBeGreaterThan(0);
    host.activate("Catatan");
    await ctl.validate(); // now on "Catatan"
    expect(ctl.state.sheetName).toBe("Catatan");
    await ctl.toggleHighlights(); // still "Hapus sorotan" for E81
    expect(host.book.sheets[0].fills ?? {}).toEqual({});
    expect(host.book.sheets[1].fills ?? {}).toEqual({});
    expect(ctl.state.highlighted).toBeNull();
  });
});

test("a doubtful table: the pane shows the doubt, writes nothing, and fills once the columns are confirmed", async () => {
  const { e79Jember } = await import("../fixtures/specs/regions/e79-jember");
  const { sampleSheet } = await import("../../scripts/make-samples");
  const sheet = sampleSheet(e79Jember);
  // a data row under the template, so that something can be computed once confirmed
  const row = Array.from({ length: 27 }, () => ({ value: null as number | string | null }));
  Object.assign(row[3], { value: "Program Contoh" });
  Object.assign(row[4], { value: "Jumlah dokumen yang tersusun" });
  for (const [c, v] of [
    [5, 100],
    [6, 40],
    [8, 60],
    [18, 50],
  ] as const)
    row[c].value = v;
  sheet.cells.push(row);
  const host = new FakeExcelHost({ sheets: [sheet] });
  const store = documentStore(null);
  const ctl = new TaskpaneController(new ExcelGateway(host.excel()), store);
  await ctl.recognise();
  expect(ctl.state.recognition?.doubts.length).toBe(1);
  await ctl.preview();
  expect(ctl.state.plan?.writes).toEqual([]);
  expect(ctl.state.plan?.refused).toMatch(/belum pasti/);
  const rec = ctl.state.recognition!;
  await ctl.saveMapping({ layout: rec.layout!, columns: rec.columns, confirmed: true });
  expect(ctl.state.recognition?.confirmed).toBe(true);
  await ctl.preview();
  expect(ctl.state.plan?.refused).toBeUndefined();
  await ctl.write();
  // 14 = 13/8 (50/60), 15 = 7 + 13 (40 + 50), 16 by the confirmed layout formula (90/100)
  const at = (a: string) => host.activeSheet().cells[5]?.[a.charCodeAt(0) - 65]?.value;
  expect(at("U")).toBe(83.33);
  expect(at("W")).toBe(90);
  expect(at("Y")).toBe(90);
});

test("a fill into an Excel Table says, in the status, that the table got values", async () => {
  const { ctl, host } = setup();
  host.activeSheet().tables = [{ name: "TabelKinerja", range: "A7:Z8" }];
  await ctl.preview();
  await ctl.write();
  expect(ctl.state.error).toBeNull();
  expect(ctl.state.status).toMatch(/sel ditulis.*Tabel Excel "TabelKinerja" ditulis sebagai nilai/);
  await ctl.undo();
  expect(ctl.state.status).toMatch(/dikembalikan/);
});
