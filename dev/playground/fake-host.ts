// Stands in for office.js outside Excel (playground and browser test): defines the Office and
// Excel globals on top of the fake Excel host, over a workbook given as JSON. Served instead of
// the Office CDN script, so taskpane.html runs unchanged.
import { FakeExcelHost, fakeOffice, type FakeBookData } from "../fake-excel/fake-excel";

declare global {
  interface Window {
    __KINERJA_BOOK__?: FakeBookData;
    __kinerjaFake?: FakeExcelHost;
  }
}

const w = window as unknown as Record<string, unknown> & Window;
let host: FakeExcelHost | null = null;
const ready: Promise<FakeExcelHost> = (async () => {
  const book =
    w.__KINERJA_BOOK__ ?? ((await (await fetch("samples/sample.json")).json()) as FakeBookData);
  host = new FakeExcelHost(book);
  w.__kinerjaFake = host;
  return host;
})();

// Tell a parent page (the playground grid) that the workbook changed.
function notify(): void {
  if (window.parent !== window)
    window.parent.postMessage({ type: "kinerja-fake-changed" }, window.location.origin);
  window.dispatchEvent(new Event("kinerja-fake-changed"));
}

// functions.js shares the page in the shared runtime; give it a harmless registry.
w.CustomFunctions = w.CustomFunctions ?? {
  associate: () => undefined,
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

const settingsStore: Record<string, unknown> = {};
w.Excel = {
  run: async (a: unknown, b?: unknown) => {
    const h = await ready;
    try {
      return await h.excel().run(a, b);
    } finally {
      notify();
    }
  },
};
w.Office = {
  ...fakeOffice(null as unknown as FakeExcelHost, settingsStore),
  onReady: async (cb?: (info: { host: string; platform: string }) => void) => {
    await ready;
    const info = { host: "Excel", platform: "OfficeOnline" };
    cb?.(info);
    return info;
  },
};
