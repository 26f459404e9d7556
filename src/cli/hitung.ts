// `kinerja hitung FUNGSI ARG... [--json]`: evaluates one KINERJA function through the same core
// as the custom functions. Arguments are cell contents as typed ("89,60", "87%", "" = empty).
import * as impl from "../core/functions-impl";
import type { CalcResult } from "../core/result";
import type { CliIO } from "./io";

type Runner = {
  min: number;
  max: number;
  usage: string;
  run: (a: (string | null)[]) => Promise<CalcResult> | CalcResult;
};

const ACCUMULATIONS = new Set([
  "jumlah",
  "terakhir",
  "rata",
  "rata-rata",
  "sum",
  "last",
  "average",
  "akhir",
]);

const FUNCTIONS: Record<string, Runner> = {
  CAPAIAN: {
    min: 2,
    max: 4,
    usage: "CAPAIAN realisasi target [arah] [desimal]",
    run: (a) => impl.CAPAIAN(a[0], a[1], a[2], a[3]),
  },
  KATEGORI: {
    min: 1,
    max: 2,
    usage: "KATEGORI capaian [skala]",
    run: (a) => impl.KATEGORI(a[0], a[1]),
  },
  EFISIENSI: {
    min: 2,
    max: 5,
    usage: "EFISIENSI pagu realisasi_anggaran [capaian_kinerja] [metode] [desimal]",
    run: (a) => impl.EFISIENSI(a[0], a[1], a[2], a[3], a[4]),
  },
  SERAPAN: {
    min: 2,
    max: 3,
    usage: "SERAPAN realisasi_anggaran pagu [desimal]",
    run: (a) => impl.SERAPAN(a[0], a[1], a[2]),
  },
  REALISASI: {
    min: 1,
    max: 13,
    usage: "REALISASI nilai_tw1 [nilai_tw2 ...] [jumlah|terakhir|rata]",
    run: (a) => {
      const last = a[a.length - 1];
      const hasMode = a.length > 1 && last !== null && ACCUMULATIONS.has(last.trim().toLowerCase());
      return impl.REALISASI(hasMode ? a.slice(0, -1) : a, hasMode ? last : null);
    },
  },
  ANGKA: { min: 1, max: 1, usage: "ANGKA teks", run: (a) => impl.ANGKA(a[0]) },
  NAMAKODE: {
    min: 1,
    max: 2,
    usage: "NAMAKODE kode [tahun]",
    run: async (a) => (await import("../codes/api")).namaKode(a[0], a[1]),
  },
  CEKKODE: {
    min: 1,
    max: 2,
    usage: "CEKKODE kode [tahun]",
    run: async (a) => (await import("../codes/api")).cekKode(a[0], a[1]),
  },
};

function usage(): string {
  return (
    "Penggunaan: kinerja hitung FUNGSI ARG... [--json]\nFungsi:\n" +
    Object.values(FUNCTIONS)
      .map((f) => `  ${f.usage}`)
      .join("\n") +
    '\nArgumen ditulis seperti isi sel: "89,60", "87%", "2 dokumen"; "" berarti sel kosong.\n'
  );
}

/** A number as Excel's General format would show it (no float noise). */
export function formatValue(v: number | string): string {
  if (typeof v === "string") return v;
  return String(Number(v.toPrecision(15)));
}

export async function hitung(args: string[], io: CliIO): Promise<number> {
  const json = args.includes("--json");
  const rest = args.filter((a) => a !== "--json");
  if (rest.length === 0 || rest[0] === "--help") {
    io.err(usage());
    return rest.length === 0 ? 2 : 0;
  }
  const name = rest[0].toUpperCase().replace(/^KINERJA\./, "");
  const fn = FUNCTIONS[name];
  if (!fn) {
    io.err(`kinerja hitung: fungsi tidak dikenal: ${rest[0]}\n${usage()}`);
    return 2;
  }
  const values = rest.slice(1).map((a) => (a === "" ? null : a));
  if (values.length < fn.min || values.length > fn.max) {
    io.err(
      `kinerja hitung: jumlah argumen ${name} salah (${values.length}).\nPenggunaan: kinerja hitung ${fn.usage}\n`
    );
    return 2;
  }
  const result = await fn.run(values);
  if (json)
    io.out(
      JSON.stringify(
        result.ok ? { value: result.value } : { error: result.error, message: result.message }
      ) + "\n"
    );
  else io.out((result.ok ? formatValue(result.value) : `${result.error} ${result.message}`) + "\n");
  return 0;
}
