// Where the optional real-data suites find ../shared (real workbooks that may not be
// redistributed). Only test/real/ and test/codes/real-workbooks.test.ts use it; every other test
// runs on what the repository holds (test/architecture/self-contained.test.ts checks that).
import * as fs from "fs";
import * as path from "path";

/** ../shared beside the repository, or KINERJA_SHARED (an empty value means "not there"). */
export function sharedPath(...parts: string[]): string | null {
  const root = process.env.KINERJA_SHARED ?? path.resolve(__dirname, "../../..", "shared");
  if (!root) return null;
  const p = path.join(root, ...parts);
  return fs.existsSync(p) ? p : null;
}

/** Registers a visibly skipped test naming what is missing, so the skip is never silent. */
export function skippedSuite(what: string, parts: string[]): void {
  const want = path.join("../shared", ...parts);
  test.skip(`${what}: ${want} tidak ada di samping repositori — suite opsional dilewati`, () =>
    undefined);
  console.warn(`${what} dilewati: ${want} tidak ada (data nyata hanya ada di mesin pengembang)`);
}
