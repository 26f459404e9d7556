// Ribbon buttons "Validasi Sheet" and "Isi Capaian". They run in the shared runtime, so they
// drive the same controller as the task pane, then show the pane with the result.
/* global Office */
import { runCommand } from "../taskpane/controller";

async function run(kind: "validasi" | "isi", event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
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

Office.onReady(() => {
  Office.actions.associate("validasiSheet", validasiSheet);
  Office.actions.associate("isiCapaian", isiCapaian);
});
