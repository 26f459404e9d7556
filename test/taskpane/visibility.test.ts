// Review F9: in the shared runtime the pane's page also runs hidden (for the custom functions)
// and its event listeners keep firing. The pane reads the sheet only when it is on screen.
import { TaskpaneController, runCommand, setController } from "../../src/taskpane/controller";
import { followVisibility } from "../../src/taskpane/visibility";
import { ExcelGateway } from "../../src/excel/gateway";
import { documentStore } from "../../src/excel/helpers";
import { FakeExcelHost, fakeOffice } from "../../dev/fake-excel/fake-excel";
import { syntheticE81 } from "../support/e81";

function setup() {
  const grid = syntheticE81(20);
  const host = new FakeExcelHost({
    sheets: [
      { name: "E81", cells: structuredClone(grid.cells), merges: [] },
      { name: "Catatan", cells: [[{ value: "catatan rapat" }]], merges: [] },
    ],
  });
  const gw = new ExcelGateway(host.excel());
  const ctl = new TaskpaneController(gw, documentStore(null));
  const office = fakeOffice(host);
  return { host, gw, ctl, office };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

test("loaded hidden (for the functions): no sheet read at start nor on a tab switch; one read when shown", async () => {
  const { host, gw, ctl, office } = setup();
  await followVisibility(ctl, office.addin, false);
  await gw.onActiveSheetChanged(() => void ctl.sheetActivated());
  host.resetCounters();
  expect(ctl.state.sheetName).toBeNull();
  host.activate("Catatan");
  await settle();
  host.activate("E81");
  await settle();
  expect(host.syncCount).toBe(0);
  await office.addin.showAsTaskpane();
  await settle();
  await settle();
  expect(ctl.state.sheetName).toBe("E81");
  expect(ctl.state.recognition?.layout).toBe("E81");
  expect(host.syncCount).toBe(2);
  // hidden again: switching tabs only marks the reading stale
  await office.addin.hide();
  host.resetCounters();
  host.activate("Catatan");
  await settle();
  expect(host.syncCount).toBe(0);
  expect(ctl.state.sheetName).toBe("E81");
  await office.addin.showAsTaskpane();
  await settle();
  await settle();
  expect(ctl.state.sheetName).toBe("Catatan");
});

test("visible: the pane reads at start and follows tab switches at once", async () => {
  const { host, gw, ctl, office } = setup();
  await followVisibility(ctl, office.addin, true);
  expect(ctl.state.recognition?.layout).toBe("E81");
  await gw.onActiveSheetChanged(() => void ctl.sheetActivated());
  host.activate("Catatan");
  await settle();
  await settle();
  expect(ctl.state.sheetName).toBe("Catatan");
  // shown again with nothing changed: no new read
  host.resetCounters();
  await office.addin.showAsTaskpane();
  await settle();
  expect(host.syncCount).toBe(0);
});

test("a ribbon command reads the sheet even while the pane is hidden", async () => {
  const { host, ctl, office } = setup();
  await followVisibility(ctl, office.addin, false);
  setController(ctl);
  expect(host.syncCount).toBe(0);
  await runCommand("validasi");
  expect(ctl.state.phase).toBe("validated");
  expect(host.syncCount).toBeGreaterThan(0);
});

test("a host without onVisibilityModeChanged: the page's visibility decides", async () => {
  const { host, ctl } = setup();
  await followVisibility(ctl, {}, false);
  expect(host.syncCount).toBe(0);
  await followVisibility(ctl, undefined, true);
  expect(ctl.state.sheetName).toBe("E81");
});
