import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/config.js';
import { renderBar } from '../../src/cli/progress-bar.js';

describe('./ketnoi run arguments and progress', () => {
  it('reads the options, and refuses one it does not know', () => {
    expect(parseArgs([])).toEqual({ demo: true, infra: true, quiet: false, help: false });
    expect(parseArgs(['--no-demo', '--quiet'])).toEqual({ demo: false, infra: true, quiet: true, help: false });
    expect(() => parseArgs(['--nodemo'])).toThrow(/unknown option --nodemo/);
  });

  it('draws a bar of the share done', () => {
    expect(renderBar('workers', 450, 1000)).toBe(`workers    [${'#'.repeat(14)}${'.'.repeat(16)}]  45% 450/1000`);
    expect(renderBar('vacancies', 0, 0)).toContain('100% 0/0');
    expect(renderBar('employers', 12, 10)).toContain(`[${'#'.repeat(30)}] 100% 12/10`);
  });
});
