// `kinerja` command line: dispatches to the sub-commands. Every sub-command returns its exit
// code (0 ok, 1 findings of severity error, 2 usage or file error) instead of exiting, so tests
// can run it in-process.
import type { CliIO } from "./io";
import { nodeIO } from "./io";

export const USAGE = `Penggunaan:
  kinerja hitung FUNGSI ARG... [--json]      hitung satu fungsi KINERJA (mis. CAPAIAN "89,60" "87%")
  kinerja periksa FILE... [--sheet NAMA] [--json]   kenali tabel dan validasi isi workbook
  kinerja isi FILE... -o KELUARAN [--nilai] [--json]   isi kolom capaian ke workbook baru
  kinerja perbaiki FILE... -o KELUARAN [--aturan A,B] [--semua-aman] [--json]
                                             terapkan perbaikan temuan ke workbook baru
                                             (tanpa --aturan: hanya yang aman)
  kinerja migrasi FILE... --ke 2027 -o KELUARAN [--json]
                                             perbarui kode ke nomenklatur TA 2027, dengan laporan
  kinerja --help | --version`;

type Command = (args: string[], io: CliIO) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  hitung: async () => (await import("./hitung")).hitung,
  periksa: async () => (await import("./periksa")).periksa,
  isi: async () => (await import("./isi")).isi,
  perbaiki: async () => (await import("./perbaiki")).perbaiki,
  migrasi: async () => (await import("./migrasi")).migrasi,
};

export async function main(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "bantuan") {
    io.out(USAGE + "\n");
    return name ? 0 : 2;
  }
  if (name === "--version") {
    io.out("kinerja 0.1.0\n");
    return 0;
  }
  const load = commands[name];
  if (!load) {
    io.err(`kinerja: perintah tidak dikenal: ${name}\n${USAGE}\n`);
    return 2;
  }
  try {
    return await (
      await load()
    )(rest, io);
  } catch (e) {
    // Last line of defence: never a stack trace for the user.
    io.err(`kinerja: terjadi kesalahan internal: ${(e as Error).message}\n`);
    if (process.env.KINERJA_DEBUG) io.err(String((e as Error).stack) + "\n");
    return 2;
  }
}
