// The shared runtime loads the task pane page also when only the custom functions are needed,
// and keeps its event listeners running while the pane is hidden (docs: show-hide-add-in.md).
// So the pane reads the sheet only when it is on screen: at start if visible, then whenever it
// is shown again after the sheet changed (Office.addin.onVisibilityModeChanged, SharedRuntime
// 1.1). Ribbon commands read the sheet themselves, visible or not.

export interface VisibilityTarget {
  setVisible(visible: boolean): Promise<void>;
}

/** The part of Office.addin used here (absent on hosts without SharedRuntime 1.1). */
export interface AddinLike {
  onVisibilityModeChanged?: (
    handler: (message: { visibilityMode: string }) => void
  ) => Promise<unknown> | unknown;
}

/**
 * Tells `target` whether the pane is visible now and from now on. `visibleNow` comes from the
 * page (document.visibilityState): a page loaded for the functions alone is hidden.
 */
export async function followVisibility(
  target: VisibilityTarget,
  addin: AddinLike | undefined,
  visibleNow: boolean
): Promise<void> {
  try {
    await addin?.onVisibilityModeChanged?.(
      (message) => void target.setVisible(String(message?.visibilityMode) === "Taskpane")
    );
  } catch (e) {
    // A host without the event: visibility is then what the page says.
    console.warn("Kinerja:", e);
  }
  await target.setVisible(visibleNow);
}
