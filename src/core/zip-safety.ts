import fs from "node:fs";
import { AppError } from "./errors.ts";

/** Limits on what a ZIP container (an XLSX workbook) may expand to. */
export const ZIP_LIMITS = { maxEntries: 10_000, maxTotalBytes: 4 * 1024 ** 3, maxRatio: 200, ratioFloorBytes: 16 * 1024 ** 2 } as const;

/** One entry of a ZIP central directory. */
export type ZipEntry = { name: string; compressed: number; uncompressed: number };

/** Read a ZIP's central directory without inflating anything; a damaged or hostile directory is one clear error. */
export function readZipDirectory(file: string, fileName: string): ZipEntry[] {
  const fd = fs.openSync(file, "r");
  try {
    const size = fs.fstatSync(fd).size;
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    fs.readSync(fd, tail, 0, tailLength, size - tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) throw new AppError("IMPORT_UNREADABLE", `${fileName} is not a readable XLSX workbook (no ZIP directory; the file may be cut off).`);
    let count = tail.readUInt16LE(eocd + 10);
    let dirSize = tail.readUInt32LE(eocd + 12);
    let dirOffset: number = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || dirOffset === 0xffffffff) {
      const locator = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x06, 0x07]));
      if (locator < 0) throw new AppError("IMPORT_UNREADABLE", `${fileName}: ZIP64 directory locator missing.`);
      const record = Buffer.alloc(56);
      fs.readSync(fd, record, 0, 56, Number(tail.readBigUInt64LE(locator + 8)));
      count = Number(record.readBigUInt64LE(32));
      dirSize = Number(record.readBigUInt64LE(40));
      dirOffset = Number(record.readBigUInt64LE(48));
    }
    if (count > ZIP_LIMITS.maxEntries) throw new AppError("IMPORT_UNREADABLE", `${fileName} holds ${count} files; a workbook has far fewer.`);
    if (dirOffset + dirSize > size) throw new AppError("IMPORT_UNREADABLE", `${fileName} is not a readable XLSX workbook (its ZIP directory points past the end of the file).`);
    const dir = Buffer.alloc(dirSize);
    fs.readSync(fd, dir, 0, dirSize, dirOffset);
    return parseEntries(dir, count, fileName);
  } finally {
    fs.closeSync(fd);
  }
}

function parseEntries(dir: Buffer, count: number, fileName: string): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== 0x02014b50) throw new AppError("IMPORT_UNREADABLE", `${fileName} is not a readable XLSX workbook (damaged ZIP directory).`);
    let compressed = dir.readUInt32LE(p + 20);
    let uncompressed = dir.readUInt32LE(p + 24);
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    const name = dir.toString("utf8", p + 46, p + 46 + nameLength);
    if (uncompressed === 0xffffffff || compressed === 0xffffffff) {
      const sizes = zip64Sizes(dir.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), uncompressed === 0xffffffff, compressed === 0xffffffff);
      uncompressed = sizes.uncompressed ?? uncompressed;
      compressed = sizes.compressed ?? compressed;
    }
    entries.push({ name, compressed, uncompressed });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function zip64Sizes(extra: Buffer, hasUncompressed: boolean, hasCompressed: boolean): { uncompressed?: number; compressed?: number } {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const length = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const out: { uncompressed?: number; compressed?: number } = {};
      if (hasUncompressed) (out.uncompressed = Number(extra.readBigUInt64LE(q))), (q += 8);
      if (hasCompressed) out.compressed = Number(extra.readBigUInt64LE(q));
      return out;
    }
    p += 4 + length;
  }
  return {};
}

/** Refuse a ZIP that would expand beyond reason (a zip bomb) before any of it is inflated. */
export function assertSafeZip(file: string, fileName: string): ZipEntry[] {
  const entries = readZipDirectory(file, fileName);
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressed;
    const ratio = entry.uncompressed / Math.max(entry.compressed, 1);
    if (entry.uncompressed > ZIP_LIMITS.ratioFloorBytes && ratio > ZIP_LIMITS.maxRatio) {
      throw new AppError("IMPORT_UNREADABLE", `${fileName} is refused: ${entry.name} would expand ${Math.round(ratio)}× to ${Math.round(entry.uncompressed / 1024 ** 2)} MB (a ZIP bomb?).`);
    }
  }
  if (total > ZIP_LIMITS.maxTotalBytes) throw new AppError("IMPORT_UNREADABLE", `${fileName} is refused: it would expand to ${Math.round(total / 1024 ** 3)} GB.`);
  return entries;
}
