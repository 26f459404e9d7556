import { relativeKey, shiftFormula } from "../../src/sheet/formula-refs";

test("fill-down shifts relative references only", () => {
  expect(shiftFormula('=IF(OR(I8="",I8=0,S8=""),"",ROUND(S8/I8*100,2))', 1, 0)).toBe(
    '=IF(OR(I9="",I9=0,S9=""),"",ROUND(S9/I9*100,2))'
  );
  expect(shiftFormula("=$A$1+A1+$B2+C$3", 2, 1)).toBe("=$A$1+B3+$B4+D$3");
  expect(shiftFormula('=LOG10(A1)&"B12"', 1, 0)).toBe('=LOG10(A2)&"B12"');
  expect(shiftFormula("='E81'!U12+E81!U12", 1, 0)).toBe("='E81'!U13+E81!U13");
});

test("relative keys match for the same formula one row down, not for different ones", () => {
  const a = relativeKey('=IF(I8="","",ROUND(S8/I8*100,2))', 7, 20);
  const b = relativeKey('=IF(I9="","",ROUND(S9/I9*100,2))', 8, 20);
  const c = relativeKey('=IF(I9="","",ROUND((2*I9-S9)/I9*100,2))', 8, 20);
  expect(a).toBe(b);
  expect(a).not.toBe(c);
});
