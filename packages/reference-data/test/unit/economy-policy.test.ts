import { priorityGroups, vsicCode } from '@ketnoi/contracts';
import { describe, expect, it } from 'vitest';
import { referenceData } from '../../src/index.js';

const { list, divisionsOf, vsicContractCode } = referenceData;

describe('VSIC 2018', () => {
  it('has the 21 sections A-U and 88 divisions, each under a section', () => {
    const rows = list('vsic').items;
    const sections = rows.filter((row) => row.level === 'section').map((row) => row.code);
    expect(sections).toEqual('ABCDEFGHIJKLMNOPQRSTU'.split(''));
    expect(rows.filter((row) => row.level === 'division')).toHaveLength(88);
    expect(divisionsOf('C').map((row) => row.code)).toContain('26');
    expect(list('vsic').get('26')?.label_vi).toBe('Sản xuất sản phẩm điện tử, máy vi tính và sản phẩm quang học');
  });

  it('converts codes to the form the contracts carry', () => {
    expect(vsicContractCode('C')).toBe('C');
    expect(vsicContractCode('26')).toBe('C26');
    for (const row of list('vsic').items) expect(vsicCode.safeParse(vsicContractCode(row.code)).success, row.code).toBe(true);
  });
});

describe('priority groups', () => {
  it('are exactly the flags of the contracts, each with a legal basis', () => {
    const rows = list('priority-groups').items;
    expect(rows.map((row) => row.code)).toEqual(Object.keys(priorityGroups.shape));
    for (const row of rows) expect(row.legal_basis.length).toBeGreaterThan(30);
  });
});
