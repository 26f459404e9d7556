// Ribbon buttons "Validasi Sheet" and "Isi Capaian" (manifest.xml ExecuteFunction actions).
// They run in the shared runtime and are bundled into taskpane.js (webpack.config.js), so
// runCommand reaches the one controller the pane renders.
/* global Office */
import { runCommand } from "../taskpane/controller";

type Kind = "validasi" | "isi";

// Shown first so the user sees progress; a host that cannot show it must not stop the command.
async function showPane(): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } catch (e) {
    console.warn("Kinerja:", e);
  }
}

async function run(kind: Kind, event: Office.AddinCommands.Event): Promise<void> {
  try {
    await showPane();
    await runCommand(kind);
  } catch (e) {
    console.error("Kinerja:", e);
  } finally {
    event.completed(); // always, or Excel keeps the button busy
  }
}

export function validasiSheet(event: Office.AddinCommands.Event): void {
  void run("validasi", event);
}

export function isiCapaian(event: Office.AddinCommands.Event): void {
  void run("isi", event);
}

// At load, as the Yo Office shared-runtime template does: Excel may invoke a button as soon
// as the page has loaded.
if (typeof Office !== "undefined" && Office.actions) {
  Office.actions.associate("validasiSheet", validasiSheet);
  Office.actions.associate("isiCapaian", isiCapaian);
}
