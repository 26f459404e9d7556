// Property tests: no input makes any function throw, and no result is NaN or Infinity.
import fc from "fast-check";
import { readNumber } from "../../src/core/numbers";
import * as impl from "../../src/core/functions-impl";
import * as fx from "../../src/functions/functions";

const cellText = fc.oneof(
  fc.string(),
  fc.stringMatching(
    /^(Rp\.? ?)?[-(+)]{0,3}[0-9 .,]{0,14}( ?%)?( [a-z/]{1,10})?( \([A-Z]{1,2}\))?$/
  ),
  fc.constantFrom(
    "",
    "-",
    "NIHIL",
    "#DIV/0!",
    "1.637",
    "48,372%",
    "593.7000.000",
    "2774 0",
    "Rp.10.560.086.840,-"
  )
);
const cell = fc.oneof(cellText, fc.double(), fc.integer(), fc.boolean(), fc.constant(null));

function sane(r: { ok: boolean; value?: unknown; error?: string; message?: string }) {
  if (r.ok) {
    if (typeof r.value === "number") expect(Number.isFinite(r.value)).toBe(true);
    else expect(typeof r.value).toBe("string");
  } else {
    expect(r.error).toMatch(/^#/);
    expect(typeof r.message).toBe("string");
  }
}

test("readNumber never throws and returns finite numbers", () => {
  fc.assert(
    fc.property(cell, fc.option(fc.constantFrom("0%", "General", "0.00%", "#,##0")), (v, fmt) => {
      const r = readNumber(v as never, { numberFormat: fmt ?? undefined });
      if (r.kind === "number") expect(r.value.isFinite()).toBe(true);
    }),
    { numRuns: 3000 }
  );
});

test("core functions never throw", () => {
  fc.assert(
    fc.property(cell, cell, cell, cell, cell, (a, b, c, d, e) => {
      sane(impl.CAPAIAN(a as never, b as never, c as never, d as never));
      sane(impl.KATEGORI(a as never, b as never));
      sane(impl.EFISIENSI(a as never, b as never, c as never, d as never, e as never));
      sane(impl.SERAPAN(a as never, b as never, c as never));
      sane(impl.REALISASI([a, b, c] as never, d as never));
      sane(impl.ANGKA(a as never));
    }),
    { numRuns: 2000 }
  );
});

test("custom-function wrappers never throw, whatever the matrices", () => {
  const matrix = fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), {
    minLength: 1,
    maxLength: 3,
  });
  fc.assert(
    fc.property(
      matrix,
      matrix,
      fc.option(cellText),
      fc.option(fc.integer({ min: -5, max: 15 })),
      (m1, m2, opt, dec) => {
        for (const out of [
          fx.capaian(m1, m2, opt ?? undefined, dec ?? undefined),
          fx.kategori(m1, m2),
          fx.efisiensi(m1, m2, m1, opt ?? undefined),
          fx.serapan(m1, m2),
          fx.realisasi(m1, opt ?? undefined),
          fx.angka(m1),
        ]) {
          for (const row of out)
            for (const v of row) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
        }
      }
    ),
    { numRuns: 500 }
  );
});
