import { assignHierarchy, readCode } from "../../src/codes/read";

// 004 L427–L452 (seed-004 §6): program → kegiatan → sub-kegiatan rows, with wrapped
// continuation rows that have an empty code cell.
describe("assignHierarchy: hierarchy from row order", () => {
  const cells: (string | null)[][] = [
    ["2", "07"],
    ["2", "07", "04"],
    ["2", "07", "04", "2", "01"],
    ["2", "07", "04", "2", "01", "0002"],
    [null],
    ["2 07 04 2.01 03"],
    ["2", "07", "05"],
    ["2", "7", "5", "2", "1", "1"],
  ];
  const placed = assignHierarchy(cells.map((c) => ({ reading: readCode(c) })));

  test("each coded row hangs under the nearest higher-level row above", () => {
    expect(placed.map((p) => [p.code, p.parent])).toEqual([
      ["2.07", null],
      ["2.07.04", "2.07"],
      ["2.07.04.2.01", "2.07.04"],
      ["2.07.04.2.01.0002", "2.07.04.2.01"],
      ["2.07.04.2.01.0002", "2.07.04.2.01"],
      ["2.07.04.2.01.0003", "2.07.04.2.01"],
      ["2.07.05", "2.07"],
      ["2.07.05.2.01.0001", "2.07.05"], // kegiatan row missing: parent is the program above
    ]);
  });
  test("a continuation row (empty code cell) inherits and is marked", () => {
    expect(placed[4].continuation).toBe(true);
    expect(placed.filter((p) => p.continuation)).toHaveLength(1);
  });
  test("a bare row number is not an urusan and continues the row above", () => {
    const p = assignHierarchy([{ reading: readCode(["2.07.04"]) }, { reading: readCode([2]) }]);
    expect(p[1]).toMatchObject({ code: "2.07.04", continuation: true });
  });
  test("rows before any code inherit nothing", () => {
    expect(assignHierarchy([{ reading: readCode([null]) }])[0]).toMatchObject({
      code: null,
      continuation: false,
    });
  });
});
