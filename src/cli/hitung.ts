import type { CliIO } from "./io";

// Placeholder: implemented by the sub-command's owner.
export async function hitung(_args: string[], io: CliIO): Promise<number> {
  io.err("kinerja hitung: belum tersedia\n");
  return 2;
}
