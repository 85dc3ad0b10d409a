import { describe, expect, it } from 'vitest';
import { nicedCommand } from '../../src/supervisor/cpu-priority.js';
import { servicePriorities } from '../../src/system/service-specs.js';

describe('CPU priorities of services', () => {
  it('reads service=nice pairs, and nothing as all at 0', () => {
    expect(servicePriorities.parse('notification=10, analytics=10,jobfairs=19,vacancy-intake=-5')).toEqual({
      notification: 10,
      analytics: 10,
      jobfairs: 19,
      'vacancy-intake': -5,
    });
    expect(servicePriorities.parse('')).toEqual({});
    expect(servicePriorities.parse(undefined)).toEqual({});
  });

  it('refuses an unknown service, a value out of range or not an integer, and a pair without one', () => {
    for (const text of ['notifications=10', 'notification=20', 'notification=-21', 'notification=2.5', 'notification=', 'notification', 'notification=1=2', 'notification=ten']) {
      const parsed = servicePriorities.safeParse(text);
      expect(parsed.success, text).toBe(false);
      expect(parsed.error?.issues[0]?.message, text).toContain(text);
    }
  });

  it('starts a command through nice only when it is not 0', () => {
    expect(nicedCommand('node', ['server.js'], 0)).toEqual({ command: 'node', args: ['server.js'] });
    expect(nicedCommand('node', ['--flag', 'server.js'], 10)).toEqual({ command: 'nice', args: ['-n', '10', 'node', '--flag', 'server.js'] });
  });
});
