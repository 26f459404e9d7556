import type { CliIO } from "./io";

// Placeholder: implemented by the sub-command's owner.
export async function periksa(_args: string[], io: CliIO): Promise<number> {
  io.err("kinerja periksa: belum tersedia\n");
  return 2;
}
