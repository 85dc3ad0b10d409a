import { describe, expect, it } from 'vitest';
import { formatLine } from '../../src/supervisor/log-line.js';
import { levelOf } from '../../src/supervisor/log-level.js';

const plain = { colour: false, width: 14 };

describe('console lines of a service', () => {
  it('makes a pino line readable: time, level, message, then the other fields', () => {
    const line = JSON.stringify({ level: 'info', time: '2026-11-26T04:38:21.453Z', serviceName: 'matching', pid: 1, vacancyId: 'vac_1', matches: 3, msg: 'matches updated' });
    expect(formatLine('matching', line, plain)).toBe('matching       | 04:38:21 INFO  matches updated vacancyId=vac_1 matches=3');
  });

  it('keeps numeric pino levels and nested fields as JSON', () => {
    const line = JSON.stringify({ level: 50, time: Date.UTC(2026, 10, 26, 1, 2, 3), msg: 'failed', err: { code: 'X' } });
    expect(formatLine('analytics', line, plain)).toBe('analytics      | 01:02:03 ERROR failed err={"code":"X"}');
  });

  it('passes anything else through, prefixed, and colours the prefix on a terminal', () => {
    expect(formatLine('registration', '    at Object.parse (x.js:1:1)', plain)).toBe('registration   |     at Object.parse (x.js:1:1)');
    const coloured = formatLine('registration', 'hello', { colour: true, width: 12 });
    expect(coloured.startsWith('\u001b[')).toBe(true);
    expect(coloured.endsWith('registration |\u001b[0m hello')).toBe(true);
  });

  it('reads the level of a line; a line that is not JSON counts as an error (a crash trace)', () => {
    expect(levelOf('{"level":"warn","msg":"x"}')).toBe(40);
    expect(levelOf('{"level":30,"msg":"x"}')).toBe(30);
    expect(levelOf('Error: boom')).toBe(50);
  });
});
