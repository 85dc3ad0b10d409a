/**
 * Replaces one reference list with an official CSV, after validating it.
 *
 *   pnpm --filter @ketnoi/reference-data replace -- <list> <file.csv> [--version 2026.2] [--source "..."]
 *
 * Writes into REFERENCE_DATA_DIR when set (a deployment's folder of replaced
 * lists), otherwise into the package's data/. Exits 1 and prints every
 * problem (row, column, reason) when the file is refused.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LIST_IDS, PACKAGED_DATA_DIR, formatRowErrors, isListId } from '../src/index.js';
import { replaceList } from '../src/replace/replace-list.js';

const usage = `usage: replace <list> <file.csv> [--version X] [--source "..."]\nlists: ${LIST_IDS.join(', ')}`;

function main(): number {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    allowPositionals: true,
    options: { version: { type: 'string' }, source: { type: 'string' } },
  });
  const [list, file] = positionals;
  if (list === undefined || file === undefined || !isListId(list)) {
    console.error(usage);
    return 2;
  }
  // pnpm runs the script in the package folder; resolve the file where the user typed it.
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  const dir = process.env.REFERENCE_DATA_DIR ?? PACKAGED_DATA_DIR;
  const outcome = replaceList({
    dir,
    list,
    csvText: readFileSync(path, 'utf8'),
    fileName: basename(path),
    ...(values.version ? { version: values.version } : {}),
    ...(values.source ? { source: values.source } : {}),
  });
  if (!outcome.ok) {
    console.error(`${list}: ${basename(path)} refused, ${outcome.errors.length} problem(s):`);
    console.error(formatRowErrors(outcome.errors));
    return 1;
  }
  console.log(`${list}: ${outcome.rows} rows from ${basename(path)} written to ${dir}`);
  console.log(`version ${outcome.previous?.version ?? '(none)'} → ${outcome.entry.version}; source: ${outcome.entry.source}`);
  if (outcome.entry.sourceNote) console.log(`remember to update ${outcome.entry.sourceNote} for the new data`);
  return 0;
}

process.exitCode = main();
