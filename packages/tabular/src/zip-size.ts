import { validationError } from '@ketnoi/errors';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const ZIP64_MARK = 0xffffffff;

/**
 * The total size a ZIP package's entries declare once unpacked, read from its
 * central directory (without unpacking anything); undefined when the package
 * has no readable directory. A ZIP64 size counts as unbounded.
 */
export function unpackedSize(zip: Buffer): number | undefined {
  if (zip.length < 22) return undefined;
  // The end record is the last 22 bytes, followed by a comment of at most 64 KiB.
  const from = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let at = zip.length - 22; at >= from; at -= 1) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) return undefined;
    const size = zip.readUInt32LE(at + 24);
    total += size === ZIP64_MARK ? Number.POSITIVE_INFINITY : size;
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}

/** Refuses a package that would unpack to more than `maxBytes` (a zip bomb), before anything is unpacked. */
export function assertUnpackedAtMost(zip: Buffer, maxBytes: number): void {
  const size = unpackedSize(zip);
  if (size === undefined) throw validationError('The XLSX file cannot be read: it is not a ZIP package');
  if (size > maxBytes) throw validationError(`The XLSX file cannot be read: it unpacks to more than ${Math.floor(maxBytes / 1024 / 1024)} MiB`);
}
