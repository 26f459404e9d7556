// Writes the fixture workbooks (test/fixtures/specs) as .xlsx.
// Usage: npx ts-node --transpile-only scripts/make-fixtures.ts [outDir]
// Default outDir: test/fixtures/generated/ (git-ignored).
import { DEFAULT_FIXTURE_DIR, writeFixtures } from "../test/support/fixtures";

async function main(): Promise<void> {
  const outDir = process.argv[2] ?? DEFAULT_FIXTURE_DIR;
  const files = await writeFixtures(outDir);
  for (const f of files) process.stdout.write(`${f}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`make-fixtures: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
