import { describe, expect, it } from 'vitest';
import { renderTable } from '../../src/table.js';

describe('renderTable', () => {
  it('aligns columns: text left, numbers right, under a rule as wide as each column', () => {
    const text = renderTable(['phase', 'rate/s', 'note'], [
      ['raw', '12,000', 'kafkajs'],
      ['ingest', 6.5, 'x'],
    ]);
    expect(text.split('\n')).toEqual([
      'phase   rate/s  note',
      '------  ------  -------',
      'raw     12,000  kafkajs',
      'ingest     6.5  x',
    ]);
  });

  it('counts Vietnamese and arrow characters as one column each', () => {
    const [, rule, row] = renderTable(['a', 'b'], [['Thái → Nguyên', 1]]).split('\n');
    expect(rule).toBe(`${'-'.repeat(13)}  -`);
    expect(row).toBe('Thái → Nguyên  1');
  });

  it('right-aligns percentages and units, and prints a one-cell row as a section title', () => {
    const lines = renderTable(['process', 'cpu'], [['kafka', '5%'], ['ferretdb', '120%'], ['— infra —']]).split('\n');
    expect(lines[2]).toBe('kafka       5%');
    expect(lines[3]).toBe('ferretdb  120%');
    expect(lines[4]).toBe('— infra —');
  });
});
