import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '../../..');

/** One operation schemathesis found failing, with how to reproduce it. */
export interface FuzzFailure {
  operation: string;
  message: string;
}

export interface FuzzReport {
  /** Operations in the OpenAPI document that were exercised. */
  operations: number;
  /** Requests generated and sent. */
  cases: number;
  failures: FuzzFailure[];
  seed?: string;
}

export interface FuzzOptions {
  /** The service's OpenAPI document, e.g. http://127.0.0.1:3001/docs/json. */
  openapiUrl: string;
  headers?: Record<string, string>;
  /** Examples per operation and phase; small in CI, large when hunting. */
  maxExamples?: number;
  /** Checks every response must pass (schemathesis names). */
  checks?: readonly string[];
  phases?: readonly string[];
  seed?: number;
  timeoutMs?: number;
}

const DEFAULT_CHECKS = ['not_a_server_error', 'negative_data_rejection'];

/** Installs schemathesis (pinned, in the project's tools folder) and returns its `st` command. */
export async function schemathesisCommand(): Promise<string> {
  const { stdout } = await run('bash', [join(repoRoot, 'scripts/install-schemathesis.sh')], { maxBuffer: 1 << 20 });
  return stdout.trim().split('\n').at(-1) ?? 'st';
}

const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

const unescapeXml = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');

/** Reads schemathesis' JUnit report: one test case per operation, a <failure> or <error> element for each that failed. */
export function parseJunit(xml: string): { operations: number; failures: FuzzFailure[] } {
  const failures: FuzzFailure[] = [];
  let operations = 0;
  for (const match of xml.matchAll(/<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    operations += 1;
    const operation = unescapeXml(attribute(match[1] ?? '', 'name') ?? '?');
    for (const problem of (match[3] ?? '').matchAll(/<(failure|error)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g)) {
      const message = unescapeXml(problem[3]?.trim() || attribute(problem[2] ?? '', 'message') || problem[1] || '');
      failures.push({ operation, message });
    }
  }
  return { operations, failures };
}

/** Counts in schemathesis' summary line: "2004 generated, 2004 passed". */
export function parseSummary(output: string): { cases: number; seed?: string } {
  const cases = Number(/(\d+) generated/.exec(output)?.[1] ?? 0);
  const seed = /Seed: (\d+)/.exec(output)?.[1];
  return seed === undefined ? { cases } : { cases, seed };
}

/**
 * Fuzzes every operation of one service from its OpenAPI document with
 * schemathesis: examples, coverage (boundaries and invalid values), random
 * fuzzing and stateful sequences that follow the document's links.
 */
export async function fuzzService(options: FuzzOptions): Promise<FuzzReport> {
  const st = await schemathesisCommand();
  const dir = await mkdtemp(join(tmpdir(), 'ketnoi-fuzz-'));
  const junit = join(dir, 'junit.xml');
  const args = [
    'run',
    options.openapiUrl,
    '--checks',
    (options.checks ?? DEFAULT_CHECKS).join(','),
    '--max-examples',
    String(options.maxExamples ?? 25),
    '--workers',
    '1',
    '--no-color',
    '--report',
    'junit',
    '--report-junit-path',
    junit,
    ...(options.phases ? ['--phases', options.phases.join(',')] : []),
    ...(options.seed === undefined ? [] : ['--seed', String(options.seed)]),
    ...Object.entries(options.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}: ${value}`]),
  ];
  try {
    // schemathesis exits 1 when it finds failures: the report says which.
    // In its own folder: schemathesis keeps a cache (.schemathesis/) where it runs.
    const output = await run(st, args, { cwd: dir, timeout: options.timeoutMs ?? 300_000, maxBuffer: 64 << 20 }).then(
      (result) => result.stdout,
      (error: { stdout?: string; code?: number | string }) => {
        if (error.code === 1 && error.stdout) return error.stdout;
        throw error;
      },
    );
    const { operations, failures } = parseJunit(await readFile(junit, 'utf8'));
    return { operations, failures, ...parseSummary(output) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
