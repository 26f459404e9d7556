// The two small things we would otherwise have taken from the deprecated, archived
// @microsoft/office-js-helpers (which pulls 2017 Office typings, core-js 2 and rxjs 5):
// 1. turning an Office/Excel error (with its debugInfo) into a message a planner understands;
// 2. a settings store that falls back to memory when the document settings are unavailable.

interface OfficeLikeError {
  code?: string;
  message?: string;
  debugInfo?: { code?: string; message?: string; errorLocation?: string };
}

const MESSAGES: Record<string, string> = {
  AccessDenied:
    "Sheet ini diproteksi atau hanya-baca. Buka proteksi sheet (Tinjau → Buka Proteksi Sheet) lalu coba lagi.",
  InvalidOperation:
    "Excel menolak operasi ini (mungkin sel sedang disunting atau sheet diproteksi). Tekan Esc lalu coba lagi.",
  RequestPayloadSizeLimitExceeded:
    "Data terlalu besar untuk satu kiriman ke Excel di web (batas 5 MB). Tidak ada yang berubah; laporkan ukuran sheet ini ke tim Kinerja.",
  ResponsePayloadSizeLimitExceeded:
    "Jawaban Excel di web terlalu besar (batas 5 MB). Tidak ada yang berubah; laporkan ukuran sheet ini ke tim Kinerja.",
  ApiNotFound:
    "Versi Excel ini tidak mengenal salah satu perintah yang dipakai Kinerja. Perbarui Office lalu coba lagi.",
  ItemNotFound: "Sheet tidak ditemukan; mungkin sudah diganti namanya atau dihapus.",
  GeneralException:
    "Excel mengalami gangguan saat memproses permintaan. Simpan pekerjaan Anda lalu coba lagi.",
  PropertyNotLoaded: "Kesalahan internal Kinerja saat membaca sheet.",
};

/** Indonesian message for an Office error; the technical details go to the console only. */
export function officeErrorMessage(e: unknown): string {
  const err = (e ?? {}) as OfficeLikeError;
  const code = err.code ?? err.debugInfo?.code ?? "";
  if (typeof console !== "undefined" && err.debugInfo)
    console.error("Kinerja — Office debugInfo:", err.debugInfo);
  if (e instanceof GatewayError) return e.message;
  return (
    MESSAGES[code] ??
    `Excel menolak permintaan${code ? ` (${code})` : ""}: ${err.message ?? "kesalahan tidak dikenal"}.`
  );
}

/**
 * The message for a host that lacks API sets the add-in needs (Office.context.requirements):
 * which builds have them, and that the KINERJA functions keep working.
 */
export function requirementMessage(missing: string[]): string {
  return (
    `Excel ini belum mendukung ${missing.join(", ")}, yang dibutuhkan panel Kinerja untuk membaca dan menulis sheet. ` +
    "Perbarui Office: Microsoft 365 untuk Windows versi 2102 atau lebih baru, Office 2021 atau lebih baru, Excel untuk Mac 16.50 atau lebih baru, atau pakai Excel di web. " +
    "Fungsi KINERJA.* di sel tetap dapat dipakai."
  );
}

/** An error whose message is already meant for the user. */
export class GatewayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GatewayError";
  }
}

export interface KeyValueStore {
  get<T>(key: string): T | null;
  set(key: string, value: unknown): Promise<void>;
}

/** Office document settings (saved inside the workbook) or, outside Office, memory. */
export function documentStore(settings?: Office.Settings | null): KeyValueStore {
  const memory = new Map<string, unknown>();
  if (!settings) {
    return {
      get: <T>(k: string) => (memory.has(k) ? (memory.get(k) as T) : null),
      set: async (k, v) => void memory.set(k, v),
    };
  }
  return {
    get: <T>(k: string) => (settings.get(k) as T) ?? null,
    set: (k, v) =>
      new Promise<void>((resolve, reject) => {
        settings.set(k, v);
        settings.saveAsync((r) =>
          r && String(r.status) === "failed"
            ? reject(new GatewayError("Pengaturan tidak dapat disimpan di workbook."))
            : resolve()
        );
      }),
  };
}
