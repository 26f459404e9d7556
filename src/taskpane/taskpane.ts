// Task pane entry: wires the controller to the real Excel gateway inside Excel, or shows the
// "open from Excel" state in a plain browser.
/* global Office */
import { TaskpaneController, setController } from "./controller";
import { mountView } from "./view";
import { ExcelGateway } from "../excel/gateway";
import { documentStore } from "../excel/helpers";
import { followVisibility, type AddinLike } from "./visibility";

function start(inExcel: boolean): void {
  const root = document.getElementById("app");
  if (!root) return;
  const settings = inExcel ? (Office.context?.document?.settings ?? null) : null;
  const gateway = inExcel ? new ExcelGateway() : null;
  const controller = new TaskpaneController(gateway, documentStore(settings));
  setController(controller);
  mountView(root, controller);
  if (inExcel) {
    // The page also runs hidden (shared runtime, for the functions): the sheet is read when the
    // pane is on screen, not at every load and every tab switch (review F9).
    void followVisibility(
      controller,
      (Office as unknown as { addin?: AddinLike }).addin,
      document.visibilityState !== "hidden"
    );
    // follow the user to another sheet: only marks the reading stale while the pane is hidden
    gateway?.onActiveSheetChanged(() => void controller.sheetActivated()).catch(() => undefined);
  }
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady((info) =>
    start(info?.host === Office.HostType.Excel || String(info?.host) === "Excel")
  );
} else {
  document.addEventListener("DOMContentLoaded", () => start(false));
}
