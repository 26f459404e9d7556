// File problems with an Indonesian message for the user. `kind` lets callers and tests tell the
// cases apart without matching on the text.

export type WorkbookProblem =
  | "not-found"
  | "empty"
  | "too-large"
  | "zip-bomb"
  | "encrypted"
  | "xls"
  | "xlsb"
  | "ods"
  | "not-workbook"
  | "corrupt"
  | "write";

export class WorkbookError extends Error {
  constructor(
    message: string,
    public readonly kind: WorkbookProblem = "corrupt"
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}

/** Messages name the file ("Berkas laporan.xlsx …") when the caller gives its name. */
export function subject(name?: string): string {
  return name ? `Berkas ${name}` : "Berkas ini";
}

export function corrupt(name: string | undefined, detail: string): WorkbookError {
  return new WorkbookError(
    `${subject(name)} rusak dan tidak dapat dibaca sebagai workbook Excel (.xlsx): ${detail}. ` +
      "Coba buka di Excel atau LibreOffice lalu simpan ulang sebagai .xlsx.",
    "corrupt"
  );
}
