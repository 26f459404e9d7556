import { readNumber, inferDecimalStyle, isPercentFormat } from "../../src/core/numbers";

const num = (v: Parameters<typeof readNumber>[0], o?: Parameters<typeof readNumber>[1]) => {
  const r = readNumber(v, o);
  if (r.kind !== "number")
    throw new Error(`expected a number for ${JSON.stringify(v)}, got ${r.kind}`);
  return r;
};

describe("readNumber: Indonesian and English forms (DOMAIN §2)", () => {
  test.each([
    ["8.636 lembar", 8636, "lembar"], // 000 unit suffix
    ["87,25", 87.25, null],
    ["1.837,5%", 1837.5, null],
    ["6.517.962.000", 6517962000, null],
    ["50,000,000", 50000000, null], // English grouping in the same documents
    ["1,710,483,345", 1710483345, null],
    ["0.76", 0.76, null],
    ["1.06%", 1.06, null],
    ["73.05%", 73.05, null],
    ["5.7", 5.7, null], // 002:L1024 dot as decimal
    ["1.1", 1.1, null], // 002:L1026
    ["1.137.691.094,7", 1137691094.7, null], // 002:L1390
    ["Rp. 5.301.034.240,-.", 5301034240, null], // 002:L929
    ["Rp.10.560.086.840,-", 10560086840, null], // 002:L1017
    ["Rp 6.517.962.000", 6517962000, null],
    ["2 dokumen", 2, "dokumen"],
    ["35 orang", 35, "orang"],
    ["23 orang/bulan", 23, "orang/bulan"],
    ["36 Org/ bln", 36, "org/bln"], // 002:L1363
    ["6 laporan", 6, "laporan"],
  ])("%s → %d", (text, value, unit) => {
    const r = num(text);
    expect(r.value.toNumber()).toBe(value);
    expect(r.unit).toBe(unit);
  });

  test("values split by the PDF export are joined (002 §5)", () => {
    expect(num("759.126.7 75").value.toNumber()).toBe(759126775);
    expect(num("1.482.189. 872").value.toNumber()).toBe(1482189872);
    expect(num("44,6 8").value.toNumber()).toBe(44.68);
    expect(num("14.094 ,8").value.toNumber()).toBe(14094.8);
    expect(num("1.026.439.5 00,0").value.toNumber()).toBe(1026439500);
    const split = num("2774 0");
    expect(split.value.toNumber()).toBe(27740);
    expect(split.ambiguous).toBe(true); // cannot be told apart from two numbers
  });

  test("grades and categories in brackets (002:L666, L1148)", () => {
    const r = num("83,50 (A)");
    expect(r.value.toNumber()).toBe(83.5);
    expect(r.grade).toBe("A");
    expect(num("81,30(A)").grade).toBe("A");
    expect(num("86 (Tinggi)").grade).toBe("Tinggi");
  });

  test("percent signs with or without space", () => {
    expect(num("100 %").isPercent).toBe(true);
    expect(num("87%").value.toNumber()).toBe(87);
    expect(num("0,00%").value.toNumber()).toBe(0);
  });

  test("signed differences", () => {
    expect(num("(+)11").value.toNumber()).toBe(11);
    expect(num("(-)17,1%").value.toNumber()).toBe(-17.1);
    expect(num("-5,35").value.toNumber()).toBe(-5.35);
  });

  test("ambiguous single separator + 3 digits", () => {
    const companies = num("1.637");
    expect(companies.value.toNumber()).toBe(1637);
    expect(companies.ambiguous).toBe(true);
    expect(num("48,372%").value.toNumber()).toBe(48.372); // ≥ 1000 % is implausible
    expect(num("48,372%").ambiguous).toBe(false);
    expect(num("1.637", { decimalHint: "en" }).value.toNumber()).toBe(1.637);
    expect(num("1.637", { decimalHint: "id" }).value.toNumber()).toBe(1637);
    expect(num("1,637", { decimalHint: "en" }).value.toNumber()).toBe(1637);
  });

  test("malformed grouping is an error, never a guess", () => {
    const r = readNumber("593.7000.000");
    expect(r.kind).toBe("invalid");
  });

  test.each([
    "248 box nasi, 248 box snack",
    "1 komputer, 1 laptop dan 1 printer",
    "5 unit kendaraan roda 4",
  ])("compound %s", (t) => {
    expect(readNumber(t).kind).toBe("compound");
  });

  test.each(["", "-", "–", "—", "~", "NIHIL", "n/a", "-- dokumen", null])(
    "empty is not zero: %p",
    (t) => {
      expect(readNumber(t).kind).toBe("empty");
    }
  );

  test("zero is a real zero", () => {
    expect(num("0").value.toNumber()).toBe(0);
    expect(num(0).value.toNumber()).toBe(0);
  });

  test("Excel errors and unreadable text", () => {
    expect(readNumber("#DIV/0!")).toMatchObject({ kind: "excel-error", code: "#DIV/0!" });
    expect(readNumber("Proses di BKSDM").kind).toBe("invalid");
    expect(readNumber(true).kind).toBe("invalid");
  });

  test("percent-formatted number cells hold fractions (the 8560,00 bug)", () => {
    const r = num(0.9, { numberFormat: "0%" });
    expect(r.value.toNumber()).toBe(90);
    expect(r.isPercent).toBe(true);
    expect(num(0.9, { numberFormat: "General" }).value.toNumber()).toBe(0.9);
    expect(num(0.0497, { numberFormat: "0.00%" }).value.toNumber()).toBe(4.97);
    expect(isPercentFormat('0.00" %"')).toBe(false);
  });
});

describe("inferDecimalStyle", () => {
  test("Indonesian evidence", () =>
    expect(inferDecimalStyle(["1.234.567", "12,5", "1.637"])).toBe("id"));
  test("English evidence", () =>
    expect(inferDecimalStyle(["50,000,000", "0.76", "1.637"])).toBe("en"));
  test("no evidence", () => expect(inferDecimalStyle(["1.637", "abc"])).toBeNull());
});
