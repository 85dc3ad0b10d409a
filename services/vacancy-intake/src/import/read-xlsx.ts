import { KetNoiError } from '@ketnoi/errors';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import type { Cell } from './cell-values.js';
import { sheetFrom, type Sheet } from './sheet.js';

// A workbook's parts unpacked may not exceed this (a zip bomb stops here).
const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

const unreadable = (why: string) => new KetNoiError('IMPORT_UNREADABLE', `The XLSX file cannot be read: ${why}`, { status: 400 });

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['sheet', 'Relationship', 'si', 'r', 'row', 'c'].includes(name),
});

type Node = Record<string, unknown>;
const textOf = (node: unknown): string => {
  if (node === undefined || node === null) return '';
  if (typeof node !== 'object') return String(node);
  return String((node as Node)['#text'] ?? '');
};

function unzip(data: Uint8Array): Record<string, Uint8Array> {
  let total = 0;
  try {
    return unzipSync(data, {
      filter: (file) => {
        if (!/^(xl\/(workbook\.xml|sharedStrings\.xml|_rels\/workbook\.xml\.rels|worksheets\/[^/]+\.xml))$/.test(file.name)) return false;
        total += file.originalSize;
        if (total > MAX_UNPACKED_BYTES) throw unreadable('it unpacks to more than 64 MiB');
        return true;
      },
    });
  } catch (error) {
    if (error instanceof KetNoiError) throw error;
    throw unreadable('it is not a ZIP package');
  }
}

function firstSheetPath(files: Record<string, Uint8Array>): string {
  const workbook = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (!workbook || !rels) throw unreadable('no workbook in the package');
  const sheets = ((xml.parse(strFromU8(workbook)) as Node).workbook as Node | undefined)?.sheets as Node | undefined;
  const first = (sheets?.sheet as Node[] | undefined)?.[0];
  const relId = first?.['@_r:id'];
  const relations = ((xml.parse(strFromU8(rels)) as Node).Relationships as Node | undefined)?.Relationship as Node[] | undefined;
  const target = relations?.find((rel) => rel['@_Id'] === relId)?.['@_Target'];
  if (typeof target !== 'string') throw unreadable('the first sheet is missing');
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

function sharedStrings(files: Record<string, Uint8Array>): string[] {
  const part = files['xl/sharedStrings.xml'];
  if (!part) return [];
  const items = ((xml.parse(strFromU8(part)) as Node).sst as Node | undefined)?.si as Node[] | undefined;
  // A rich-text string is split into runs: its text is the runs' texts joined.
  return (items ?? []).map((si) => (si.r ? (si.r as Node[]).map((run) => textOf(run.t)).join('') : textOf(si.t)));
}

const columnIndex = (ref: string): number => {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? 'A';
  return [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
};

function cellValue(cell: Node, strings: readonly string[]): Cell {
  const type = cell['@_t'];
  const value = textOf(cell.v);
  if (type === 's') return strings[Number(value)];
  if (type === 'inlineStr') return textOf((cell.is as Node | undefined)?.t);
  if (type === 'str' || type === 'd') return value;
  if (type === 'b') return value === '1';
  if (type === 'e' || value === '') return undefined;
  return Number(value);
}

/** The first sheet of an XLSX workbook as a sheet (dates stay Excel serials until a date column reads them). */
export function readXlsx(data: Uint8Array): Sheet {
  const files = unzip(data);
  const path = firstSheetPath(files);
  const part = files[path];
  if (!part) throw unreadable(`${path} is missing`);
  const strings = sharedStrings(files);
  const sheetData = ((xml.parse(strFromU8(part)) as Node).worksheet as Node | undefined)?.sheetData as Node | undefined;
  const rows = ((sheetData?.row as Node[] | undefined) ?? []).map((row, i) => {
    const cells: Cell[] = [];
    for (const cell of (row.c as Node[] | undefined) ?? []) {
      const at = typeof cell['@_r'] === 'string' ? columnIndex(cell['@_r']) : cells.length;
      cells[at] = cellValue(cell, strings);
    }
    return { row: Number(row['@_r'] ?? i + 1), cells: Array.from(cells) };
  });
  return sheetFrom(rows);
}
