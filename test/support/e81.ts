// The synthetic E.81 sheets of `npm run bench` and of the wire tests, in one place: 28 columns,
// a program row every 20 rows, Indonesian number texts ("100 %") as in the seed documents.
import type { CellValue, Grid } from "../../src/model/grid";
import { e81Grid, e81Row } from "../engine/helpers";

/** An E.81 with `rows` data rows (program row every 20 rows, stated results on the others). */
export function syntheticE81(rows: number): Grid {
  const data: CellValue[][] = [];
  for (let i = 0; i < rows; i++) {
    if (i % 20 === 0)
      data.push(
        e81Row(`PROGRAM ${i / 20 + 1}`, "Persentase capaian program", {
          t5: ["100 %", 38196110687],
          r6: [80, 14824049774],
          t7: [100, 5405019600],
          tw: [
            ["50 %", 759126775],
            ["50 %", 1482189872],
          ],
        })
      );
    else
      data.push(
        e81Row(`Penyediaan Bahan Logistik Kantor ${i}`, "Jumlah paket bahan logistik kantor", {
          t5: [25, 66107390],
          r6: [22, 37574000],
          t7: [7, 8600000],
          tw: [
            [0, null],
            [2, 3675000],
            [0, null],
            [0, null],
          ],
          stated: [2, 3675000, 28.57, 42.7, 24, 41249000, 96, 62.4],
        })
      );
  }
  return e81Grid(data);
}

/**
 * The same E.81 with `merges` merged areas in the data rows: the "UNIT PERANGKAT DAERAH" and
 * "KET" cells of each row merged across (as templates do), then the headers merged as in the
 * documents (the row-4 group titles over their K/Rp pairs).
 */
export function mergedE81(rows: number, merges: number): Grid {
  const grid = syntheticE81(rows);
  const first = 7;
  for (let i = 0; i < Math.min(merges, rows); i++)
    grid.merges.push({ top: first + i, left: 26, bottom: first + i, right: 27 });
  for (const left of [4, 6, 8, 18, 20, 22, 24])
    grid.merges.push({ top: 3, left, bottom: 3, right: left + 1 });
  return grid;
}
