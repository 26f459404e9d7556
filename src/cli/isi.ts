import type { CliIO } from "./io";

// Placeholder: implemented by the sub-command's owner.
export async function isi(_args: string[], io: CliIO): Promise<number> {
  io.err("kinerja isi: belum tersedia\n");
  return 2;
}
