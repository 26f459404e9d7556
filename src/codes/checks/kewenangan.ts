// kode.kewenangan: a provincial kegiatan (level digit 1) in a kab/kota document. No fix: which
// kab/kota kegiatan the row should be is the planner's decision.
import { finding, type CodeRule } from "./context";

export const kewenangan: CodeRule = {
  ids: ["kode.kewenangan"],
  check(line, ctx) {
    // normalised codes have fixed widths: the level digit of "2.07.06.1.01" is its 9th character
    if (line.code[8] !== "1" || ctx.options.scope !== "kabkota") return null;
    const message = `Kode ${line.code} adalah kegiatan kewenangan provinsi (digit tingkat 1); dokumen kabupaten/kota hanya memuat kegiatan tingkat 2.`;
    return { issues: [finding(line, "kode.kewenangan", "error", message)], stop: true };
  },
};
