// The zip container of an .xlsx: the central directory is read and checked against the limits
// before anything is inflated; entries are inflated on demand, each bounded by its declared size;
// a new archive copies unchanged entries as their original compressed bytes. Pure (bytes in/out).
import { Deflate, Inflate, deflateSync } from "fflate";
import { WorkbookError, corrupt, subject } from "./errors";
import { escapeText } from "./xml";

export interface ZipLimits {
  /** Largest sum of the declared uncompressed sizes of all entries. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio of an entry bigger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  maxEntries: number;
}

export const DEFAULT_LIMITS: ZipLimits = {
  maxTotalBytes: 512 * 1024 * 1024,
  maxRatio: 250,
  ratioFloorBytes: 8 * 1024 * 1024,
  maxEntries: 50000,
};

export interface ZipEntry {
  /** Name as stored (may use backslashes). */
  rawName: string;
  /** Part path: forward slashes, no leading slash. */
  path: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  time: number;
  date: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOC64 = 0x07064b50;
const SIG_CEN = 0x02014b50;
const SIG_LOC = 0x04034b50;

const utf8 = new TextDecoder("utf-8");

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

/** An OLE/CFB container (legacy .xls, or an encrypted OOXML package). */
export function isOle(b: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return b.length >= 8 && sig.every((x, i) => b[i] === x);
}

/** True when the UTF-16LE text occurs in the bytes (names in a CFB directory). */
export function hasUtf16(b: Uint8Array, text: string): boolean {
  const pat = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) pat[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + pat.length <= b.length; i++) {
    if (b[i] !== pat[0]) continue;
    for (let j = 1; j < pat.length; j++) if (b[i + j] !== pat[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Native replacements for the pure-JS compression (Node passes zlib's, several times faster).
 * `inflate` must never return more than `size` bytes (throw instead).
 */
export interface Codec {
  inflate?(data: Uint8Array, size: number): Uint8Array;
  deflate?(data: Uint8Array): Uint8Array;
  /**
   * One piece of a part deflated on its own (raw deflate): a piece that is not the `last` ends
   * with a sync flush and no final block, so that the pieces in order are one deflate stream.
   */
  deflatePiece?(data: Uint8Array, last: boolean): Uint8Array;
  /** The CRC-32 of `data`, continued from `crc` (that of the bytes before it) when given. */
  crc32?(data: Uint8Array, crc?: number): number;
}

export class ZipArchive {
  readonly entries: ZipEntry[];
  private readonly byPath = new Map<string, ZipEntry>();
  /** Inflated entries kept for a later use of the same archive (see `keep`). */
  private readonly kept = new Map<ZipEntry, Uint8Array>();

  /** With `keep`, what read() inflates is kept: reading the package again costs nothing. */
  constructor(
    readonly bytes: Uint8Array,
    private readonly name?: string,
    limits: ZipLimits = DEFAULT_LIMITS,
    private readonly codec: Codec = {},
    private readonly keep = false
  ) {
    this.entries = readDirectory(bytes, name, limits);
    for (const e of this.entries) {
      const key = e.path.toLowerCase();
      if (!this.byPath.has(key)) this.byPath.set(key, e); // duplicate names: the first one wins
    }
  }

  /** The entry of a part (OPC part names are case-insensitive), or undefined. */
  find(path: string): ZipEntry | undefined {
    return this.byPath.get(path.replace(/^\/+/, "").toLowerCase());
  }

  /** Streams the inflated bytes of an entry to `onChunk`, never more than its declared size. */
  stream(entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
    const data = this.compressed(entry);
    if (entry.method === 0) {
      if (data.length !== entry.size) throw corrupt(this.name, `ukuran bagian ${entry.path} salah`);
      onChunk(data);
      return;
    }
    if (entry.method !== 8)
      throw corrupt(this.name, `bagian ${entry.path} memakai metode kompresi ${entry.method}`);
    if (this.codec.inflate) {
      onChunk(this.read(entry));
      return;
    }
    let out = 0;
    const inflater = new Inflate((chunk) => {
      out += chunk.length;
      if (out > entry.size) throw this.bomb(entry);
      if (chunk.length) onChunk(chunk);
    });
    const STEP = 32 * 1024;
    try {
      if (data.length === 0) return;
      for (let i = 0; i < data.length; i += STEP)
        inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    } catch (e) {
      if (e instanceof WorkbookError) throw e;
      throw corrupt(this.name, `bagian ${entry.path} tidak dapat diurai (${(e as Error).message})`);
    }
  }

  /** The whole inflated entry (never to be modified: it may be kept). */
  read(entry: ZipEntry): Uint8Array {
    const kept = this.kept.get(entry);
    if (kept) return kept;
    const out = this.inflated(entry);
    if (this.keep) this.kept.set(entry, out);
    return out;
  }

  private inflated(entry: ZipEntry): Uint8Array {
    if (this.codec.inflate && entry.method === 8) {
      const data = this.compressed(entry);
      let out: Uint8Array;
      try {
        out =
          entry.size === 0 && data.length <= 2
            ? new Uint8Array(0)
            : this.codec.inflate(data, entry.size);
      } catch (e) {
        throw /large|length|size/i.test((e as Error).message)
          ? this.bomb(entry)
          : corrupt(this.name, `bagian ${entry.path} tidak dapat diurai (${(e as Error).message})`);
      }
      if (out.length > entry.size) throw this.bomb(entry);
      return out;
    }
    const buf = new Uint8Array(entry.size);
    let at = 0;
    this.stream(entry, (c) => {
      buf.set(c, at);
      at += c.length;
    });
    return at === buf.length ? buf : buf.subarray(0, at);
  }

  private bomb(entry: ZipEntry): WorkbookError {
    return new WorkbookError(
      `${subject(this.name)} ditolak: bagian ${entry.path} mengembang melebihi ukuran yang tercantum ` +
        "di direktori zip (kemungkinan zip bomb). Tidak ada yang dibaca lebih lanjut.",
      "zip-bomb"
    );
  }

  /** The stored (compressed) bytes of an entry. */
  compressed(entry: ZipEntry): Uint8Array {
    const b = this.bytes;
    const o = entry.localOffset;
    if (o + 30 > b.length || u32(b, o) !== SIG_LOC)
      throw corrupt(this.name, `header lokal bagian ${entry.path} tidak ditemukan`);
    const start = o + 30 + u16(b, o + 26) + u16(b, o + 28);
    if (start + entry.compressedSize > b.length)
      throw corrupt(this.name, `bagian ${entry.path} terpotong`);
    return b.subarray(start, start + entry.compressedSize);
  }
}

/** Where the central directory is: from the end record (and its zip64 locator). */
function directoryOf(b: Uint8Array, name: string | undefined) {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--)
    if (u32(b, i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw corrupt(name, "direktori zip tidak ditemukan (berkas terpotong?)");
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  let cdEnd = eocd;
  if (eocd >= 20 && u32(b, eocd - 20) === SIG_LOC64) {
    const at = u64(b, eocd - 20 + 8);
    if (at + 56 <= b.length && u32(b, at) === SIG_EOCD64) {
      count = u64(b, at + 32);
      cdSize = u64(b, at + 40);
      cdOffset = u64(b, at + 48);
      cdEnd = eocd - 20;
    }
  }
  // bytes in front of the archive (a self-extractor stub) shift every offset
  const shift = cdEnd - cdSize - cdOffset;
  if (shift < 0 || cdEnd - cdSize < 0) throw corrupt(name, "direktori zip tidak valid");
  return { count, start: cdOffset + shift, shift };
}

/** The central directory record at `p` (sizes and offset from zip64 extra fields) and the next one's offset. */
function recordAt(b: Uint8Array, p: number, name: string | undefined) {
  if (p + 46 > b.length || u32(b, p) !== SIG_CEN) throw corrupt(name, "entri direktori zip rusak");
  let compressedSize = u32(b, p + 20);
  let size = u32(b, p + 24);
  const nameLen = u16(b, p + 28);
  const extraLen = u16(b, p + 30);
  const commentLen = u16(b, p + 32);
  let localOffset = u32(b, p + 42);
  const rawName = utf8.decode(b.subarray(p + 46, p + 46 + nameLen));
  // zip64 extended information
  let x = p + 46 + nameLen;
  const xEnd = x + extraLen;
  while (x + 4 <= xEnd) {
    const id = u16(b, x);
    const len = u16(b, x + 2);
    if (id === 1) {
      let q = x + 4;
      if (size === 0xffffffff) ((size = u64(b, q)), (q += 8));
      if (compressedSize === 0xffffffff) ((compressedSize = u64(b, q)), (q += 8));
      if (localOffset === 0xffffffff) localOffset = u64(b, q);
    }
    x += 4 + len;
  }
  const entry: ZipEntry = {
    rawName,
    path: rawName.replace(/\\/g, "/").replace(/^\/+/, ""),
    method: u16(b, p + 10),
    flags: u16(b, p + 8),
    crc: u32(b, p + 16),
    compressedSize,
    size,
    localOffset,
    time: u16(b, p + 12),
    date: u16(b, p + 14),
  };
  return { entry, next: xEnd + commentLen };
}

/** An entry against the limits, before anything is inflated (`total`: the sizes so far). */
function checkEntry(
  e: ZipEntry,
  total: number,
  b: Uint8Array,
  name: string | undefined,
  limits: ZipLimits
) {
  if (e.flags & 1)
    throw new WorkbookError(
      `${subject(name)} dilindungi kata sandi: buka di Excel, simpan tanpa sandi.`,
      "encrypted"
    );
  if (total > limits.maxTotalBytes)
    throw new WorkbookError(
      `${subject(name)} ditolak: isinya mengembang menjadi lebih dari ${mb(limits.maxTotalBytes)} MB ` +
        `setelah diekstrak (berkasnya sendiri ${mb(b.length)} MB; kemungkinan zip bomb). ` +
        "Tidak ada yang dibaca lebih lanjut. Atur KINERJA_MAX_UNZIP_MB bila berkas ini memang sebesar itu.",
      "zip-bomb"
    );
  const { size, compressedSize, rawName } = e;
  if (size > limits.ratioFloorBytes && size / Math.max(1, compressedSize) > limits.maxRatio)
    throw new WorkbookError(
      `${subject(name)} ditolak: bagian ${rawName} dimampatkan ${Math.round(size / Math.max(1, compressedSize))}:1 ` +
        `(${mb(size)} MB dari ${mb(compressedSize)} MB; batas ${limits.maxRatio}:1), kemungkinan zip bomb. ` +
        "Tidak ada yang dibaca lebih lanjut.",
      "zip-bomb"
    );
}

function readDirectory(b: Uint8Array, name: string | undefined, limits: ZipLimits): ZipEntry[] {
  const { count, start, shift } = directoryOf(b, name);
  if (count > limits.maxEntries)
    throw new WorkbookError(
      `${subject(name)} ditolak: berisi ${count} bagian zip (batas ${limits.maxEntries}).`,
      "zip-bomb"
    );
  const entries: ZipEntry[] = [];
  let p = start;
  let total = 0;
  for (let n = 0; n < count; n++) {
    const { entry, next } = recordAt(b, p, name);
    p = next;
    if (entry.rawName.endsWith("/") || entry.rawName.endsWith("\\")) continue; // a folder
    total += entry.size;
    checkEntry(entry, total, b, name, limits);
    entry.localOffset += shift;
    entries.push(entry);
  }
  return entries;
}

function mb(n: number): string {
  return (n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

let CRC_TABLE: Uint32Array | null = null;

export function crc32(data: Uint8Array, crc = 0): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  const t = CRC_TABLE;
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A part deflated piece by piece while it was produced (see DeflateSink). */
export interface Deflated {
  pieces: Uint8Array[];
  crc: number;
  size: number;
}

/** An entry of a new archive: a copy of an original entry, or new content (maybe deflated). */
export type OutEntry =
  | { kind: "copy"; entry: ZipEntry; from: ZipArchive }
  | { kind: "data"; name: string; data: Uint8Array }
  | { kind: "deflated"; name: string; data: Deflated };

const fflateDeflate = (data: Uint8Array): Uint8Array => deflateSync(data, { level: 4 });

// 2024-07-01 00:00 as a DOS date/time, for new entries (deterministic output)
const DOS_TIME = 0;
const DOS_DATE = ((2024 - 1980) << 9) | (7 << 5) | 1;

const utf8e = new TextEncoder();

/**
 * A part written as bytes and UTF-8 text, in order, and deflated a chunk at a time: the whole
 * uncompressed part never exists (a 20,000-row sheet is ~23 MB of XML, ~5 MB deflated).
 */
export class DeflateSink {
  private buf: Uint8Array;
  private at = 0;
  private crc = 0;
  private size = 0;
  private readonly pieces: Uint8Array[] = [];
  private readonly stream: Deflate | null = null;

  /** `chunk`: the bytes deflated at a time. */
  constructor(
    private readonly codec: Codec = {},
    chunk = 1 << 20
  ) {
    this.buf = new Uint8Array(chunk);
    if (!codec.deflatePiece)
      this.stream = new Deflate({ level: 4 }, (piece) => void this.pieces.push(piece));
  }

  /** The bytes [from, to) of `b` (all of it by default). */
  bytes(b: Uint8Array, from = 0, to = b.length): void {
    // a short run (between two written cells) is copied by hand: a view per run cost more
    if (to - from <= 64 && this.at + (to - from) <= this.buf.length) {
      const buf = this.buf;
      let at = this.at;
      for (let i = from; i < to; i++) buf[at++] = b[i];
      this.at = at;
      return;
    }
    while (from < to) {
      const n = Math.min(to - from, this.buf.length - this.at);
      this.buf.set(b.subarray(from, from + n), this.at);
      this.at += n;
      from += n;
      if (this.at === this.buf.length) this.flush(false);
    }
  }

  text(s: string): void {
    let rest = s;
    for (;;) {
      const { read, written } = utf8e.encodeInto(rest, this.buf.subarray(this.at));
      this.at += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      // a character that does not fit whole waits for the next chunk
      this.flush(false);
    }
  }

  /** Text whose every character is ASCII, byte by byte (no encoder call for a short text). */
  ascii(s: string): void {
    const n = s.length;
    if (this.at + n > this.buf.length) {
      if (n > this.buf.length) return this.text(s);
      this.flush(false);
    }
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < n; i++) buf[at++] = s.charCodeAt(i);
    this.at = at;
  }

  /** A number as String() writes it; a safe integer digit by digit. */
  number(v: number): void {
    if (!Number.isSafeInteger(v) || v < 0) return this.ascii(String(v));
    if (this.at + 16 > this.buf.length) this.flush(false);
    const buf = this.buf;
    let end = this.at;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) end++;
    this.at = end + 1;
    let x = v;
    do {
      buf[end--] = 48 + (x % 10);
      x = Math.floor(x / 10);
    } while (x > 0);
  }

  /** Element text with "&", "<" and ">" escaped (as escapeText), other characters as UTF-8. */
  escaped(s: string): void {
    // the regular expressions and the encoder beat a loop here, warm and even more cold
    this.text(escapeText(s));
  }

  end(): Deflated {
    this.flush(true);
    return { pieces: this.pieces, crc: this.crc, size: this.size };
  }

  private flush(last: boolean): void {
    const data = this.buf.subarray(0, this.at);
    this.crc = (this.codec.crc32 ?? crc32)(data, this.crc);
    this.size += data.length;
    if (this.codec.deflatePiece) this.pieces.push(this.codec.deflatePiece(data, last));
    // (fflate copies what it is given: the chunk can be reused)
    else this.stream!.push(data, last);
    this.at = 0;
  }
}

interface Prepared {
  name: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  size: number;
  /** The stored bytes, in pieces. */
  body: Uint8Array[];
  compressedSize: number;
  offset: number;
}

/** An entry ready to be written: a copy keeps its compressed bytes, new content is deflated. */
function prepare(it: OutEntry, codec: Codec): Prepared {
  if (it.kind === "copy") {
    const e = it.entry;
    return {
      name: utf8e.encode(e.rawName),
      flags: e.flags & 0x0806,
      method: e.method,
      time: e.time,
      date: e.date,
      crc: e.crc,
      size: e.size,
      body: [it.from.compressed(e)],
      compressedSize: e.compressedSize,
      offset: 0,
    };
  }
  const d: Deflated =
    it.kind === "deflated"
      ? it.data
      : {
          pieces: [(codec.deflate ?? fflateDeflate)(it.data)],
          crc: (codec.crc32 ?? crc32)(it.data),
          size: it.data.length,
        };
  return {
    name: utf8e.encode(it.name),
    flags: /[^\x20-\x7e]/.test(it.name) ? 0x0800 : 0,
    method: 8,
    time: DOS_TIME,
    date: DOS_DATE,
    crc: d.crc,
    size: d.size,
    body: d.pieces,
    compressedSize: d.pieces.reduce((n, b) => n + b.length, 0),
    offset: 0,
  };
}

/** A local (or central) header of `p` at `o`; returns the offset after it. */
function writeHeader(out: Uint8Array, dv: DataView, o: number, p: Prepared, central: boolean) {
  dv.setUint32(o, central ? SIG_CEN : SIG_LOC, true);
  o += 4;
  if (central) {
    dv.setUint16(o, 20, true); // version made by
    o += 2;
  }
  dv.setUint16(o, 20, true); // version needed
  dv.setUint16(o + 2, p.flags, true);
  dv.setUint16(o + 4, p.method, true);
  dv.setUint16(o + 6, p.time, true);
  dv.setUint16(o + 8, p.date, true);
  dv.setUint32(o + 10, p.crc, true);
  dv.setUint32(o + 14, p.compressedSize, true);
  dv.setUint32(o + 18, p.size, true);
  dv.setUint16(o + 22, p.name.length, true);
  dv.setUint16(o + 24, 0, true); // extra
  o += 26;
  if (central) {
    dv.setUint16(o, 0, true); // comment
    dv.setUint16(o + 2, 0, true); // disk
    dv.setUint16(o + 4, 0, true); // internal attributes
    dv.setUint32(o + 6, 0, true); // external attributes
    dv.setUint32(o + 10, p.offset, true);
    o += 14;
  }
  out.set(p.name, o);
  return o + p.name.length;
}

export function writeZip(items: OutEntry[], codec: Codec = {}): Uint8Array {
  const prepared = items.map((it) => prepare(it, codec));
  let total = 22;
  for (const p of prepared) total += 30 + p.name.length + p.compressedSize + 46 + p.name.length;
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  let o = 0;
  for (const p of prepared) {
    p.offset = o;
    o = writeHeader(out, dv, o, p, false);
    for (const piece of p.body) {
      out.set(piece, o);
      o += piece.length;
    }
  }
  const cdStart = o;
  for (const p of prepared) o = writeHeader(out, dv, o, p, true);
  dv.setUint32(o, SIG_EOCD, true);
  dv.setUint16(o + 4, 0, true);
  dv.setUint16(o + 6, 0, true);
  dv.setUint16(o + 8, prepared.length, true);
  dv.setUint16(o + 10, prepared.length, true);
  dv.setUint32(o + 12, o - cdStart, true);
  dv.setUint32(o + 16, cdStart, true);
  dv.setUint16(o + 20, 0, true);
  return out;
}
