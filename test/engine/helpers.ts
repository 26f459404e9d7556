// Small grid builders for engine tests (headers verbatim from the seed analyses).
import type { CellValue, Grid, Cell } from "../../src/model/grid";
import { gridFromValues } from "../../src/model/grid";

const N = null;

/** E.81 as in 002:L1348–1371 (3 header rows + aligned numbering row l.1408). Data starts at row 8 (index 7). */
export function e81Grid(data: CellValue[][]): Grid {
  const h1: CellValue[] = [
    "NO",
    "KODE",
    "URUSAN/ BIDANG URUSAN PEMERINTAHAN DAERAH DAN PROGRAM/ KEGIATAN",
    "INDIKATOR KINERJA PROGRAM (outcome)/ KEGIATAN (output)",
    "TARGET RENSTRA PERANGKAT DAERAH PADA TAHUN 2026 (AKHIR PERIODE RENSTRA PD)",
    N,
    "REALISASI CAPAIAN KINERJA RENSTRA PERANGKAT DAERAH S.D. RENJA PD TAHUN LALU (2023)",
    N,
    "TARGET KINERJA DAN ANGGARAN RENJA PD TAHUN BERJALAN YANG DIEVALUASI (2024)",
    N,
    "REALISASI KINERJA PADA TRIWULAN",
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    "REALISASI CAPAIAN KINERJA DAN ANGGARAN RENJA PD YANG DIEVALUASI (2024)",
    N,
    "TINGKAT CAPAIAN KINERJA DAN REALISASI ANGGARAN RENJA PD TAHUN 2024 (%)",
    N,
    "REALISASI KINERJA DAN ANGGARAN RENSTRA PERANGKAT DAERAH s/d TAHUN 2024 (AKHIR TAHUN PELAKSANAAN RENJA PD TAHUN 2024)",
    N,
    "TINGKAT CAPAIAN KINERJA DAN REALISASI ANGGARAN RENSTRA PERANGKAT DAERAH s/d TAHUN 2026 (%)",
    N,
    "UNIT PERANGKAT DAERAH PENANGGUNG JAWAB",
    "KET",
  ];
  const h2: CellValue[] = [
    N,
    N,
    N,
    N,
    "K",
    "Rp",
    "K",
    "Rp",
    "K",
    "Rp",
    "I (JAN - MAR)",
    N,
    "II (APR - JUNI)",
    N,
    "III (JUL - SEPT)",
    N,
    "IV (OKT - DES)",
    N,
    "12 = 8+9+10+11",
    N,
    "13 = 12/7 x 100%",
    N,
    "14 = 6 + 12",
    N,
    "15=14/5 x100%",
    N,
  ];
  const h3: CellValue[] = [
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    "K",
    "Rp",
    "K",
    "Rp",
    "K",
    "Rp",
    "K",
    "Rp",
    "K",
    "Rp",
    "K",
    "Rp",
    "K",
    "Rp",
    "K",
    "Rp",
  ];
  const num: CellValue[] = [
    1,
    2,
    3,
    4,
    5,
    N,
    6,
    N,
    7,
    N,
    8,
    N,
    9,
    N,
    10,
    N,
    11,
    N,
    "12 = 8+9+10+11",
    N,
    "13 = 12/7 x 100%",
    N,
    "14 = 6 + 12",
    N,
    "15=14/5 x100%",
    N,
    16,
    17,
  ];
  return gridFromValues("E81", [
    ["Tabel E.81"],
    ["EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH"],
    ["DINAS TENAGA KERJA KABUPATEN MOJOKERTO TAHUN 2024 TRIWULAN II"],
    h1,
    h2,
    h3,
    num,
    ...data,
  ]);
}

/** One E.81 data row: [no, kode, name, indicator, 5K, 5Rp, 6K, 6Rp, 7K, 7Rp, tw1K, tw1Rp, … tw4Rp, 12K … 15Rp]. */
export function e81Row(
  name: string | null,
  indicator: string | null,
  v: {
    t5?: [CellValue, CellValue];
    r6?: [CellValue, CellValue];
    t7?: [CellValue, CellValue];
    tw?: [CellValue, CellValue][];
    stated?: CellValue[];
  }
): CellValue[] {
  const tw = v.tw ?? [];
  const row: CellValue[] = [
    N,
    N,
    name,
    indicator,
    ...(v.t5 ?? [N, N]),
    ...(v.r6 ?? [N, N]),
    ...(v.t7 ?? [N, N]),
  ];
  for (let q = 0; q < 4; q++) row.push(...(tw[q] ?? [N, N]));
  row.push(...(v.stated ?? [N, N, N, N, N, N, N, N]));
  return row;
}

/** Sets number formats on cells (percent-formatted fractions). */
export function withFormat(grid: Grid, row: number, col: number, numberFormat: string): Grid {
  const cell: Cell = grid.cells[row][col];
  cell.numberFormat = numberFormat;
  return grid;
}

export const COL = {
  no: 0,
  kode: 1,
  name: 2,
  ind: 3,
  t5k: 4,
  t5rp: 5,
  r6k: 6,
  r6rp: 7,
  t7k: 8,
  t7rp: 9,
  tw1k: 10,
  tw1rp: 11,
  tw2k: 12,
  tw2rp: 13,
  tw3k: 14,
  tw3rp: 15,
  tw4k: 16,
  tw4rp: 17,
  r12k: 18,
  r12rp: 19,
  c13k: 20,
  c13rp: 21,
  r14k: 22,
  r14rp: 23,
  c15k: 24,
  c15rp: 25,
};

/** T-C.29 Lamongan (000:L157–164): code over 3 cells, numbering `8=(7/6)`, `10= 5+7+9 *`. Data from row index 6. */
export function tc29Grid(data: CellValue[][], tenIs9 = false): Grid {
  return gridFromValues("TC29", [
    ["Tabel T-C.29"],
    [
      "Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Perangkat Daerah dan Pencapaian Renstra Perangkat Daerah s/d Tahun 2023",
    ],
    ["Dinas Tenaga Kerja Kabupaten Lamongan"],
    [
      "Kode",
      N,
      N,
      "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan",
      "Indikator Kinerja Program (Outcome) / Kegiatan (Output)",
      "Target Capaian Kinerja Renstra SKPD Tahun (Akhir Periode Renstra SKPD) 2022-2026",
      "Realisasi Target Kinerja Hasil Program dan Keluaran Kegiatan s/d Tahun 2021 (Tahun n-3)",
      "Target Dan Realisasi Kinerja Program dan Keluaran Kegiatan SKPD Tahun 2022 (Tahun Lalu/n-2)",
      N,
      N,
      "Target Program / Kegiatan Renja SKPD Tahun Berjalan (Tahun 2023 Tahun Berjalan)",
      "Perkiraan Realisasi Capaian Target Program/Kegiatan Renstra SKPD S/D Dengan Tahun 2023 (Tahun Berjalan/n-1)",
      N,
    ],
    [
      N,
      N,
      N,
      N,
      N,
      N,
      N,
      "Target",
      "Realisasi",
      "Tingkat Realisasi (%)",
      N,
      "Realisasi Capaian",
      "Tingkat Capaian %",
    ],
    [1, N, N, 2, 3, 4, 5, 6, 7, "8=(7/6)", 9, tenIs9 ? "10 = 9" : "10= 5+7+9 *", "11= 10/4 *"],
    ...data,
  ]);
}

export const TC = {
  k1: 0,
  k2: 1,
  k3: 2,
  name: 3,
  ind: 4,
  c4: 5,
  c5: 6,
  c6: 7,
  c7: 8,
  c8: 9,
  c9: 10,
  c10: 11,
  c11: 12,
};
