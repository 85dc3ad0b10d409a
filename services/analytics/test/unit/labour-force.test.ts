import { readCsv } from '@ketnoi/tabular';
import { describe, expect, it } from 'vitest';
import { parseNumber, readLabourForce } from '../../src/use-cases/labour-force-table.js';

describe('labour-force table', () => {
  it('reads Vietnamese headers and Vietnamese thousands separators', () => {
    const csv = 'Mã địa bàn,Kỳ,Lực lượng lao động,Số người thất nghiệp,Ghi chú\n19,2025,"812.345","16.200",x\n164,2025-Q4,120 000,2400,\n';
    const { rows, unknownColumns } = readLabourForce(readCsv(Buffer.from(csv)));
    expect(rows).toEqual([
      { area: '19', period: '2025', labourForce: 812_345, unemployed: 16_200 },
      { area: '164', period: '2025-Q4', labourForce: 120_000, unemployed: 2400 },
    ]);
    expect(unknownColumns).toEqual(['Ghi chú']);
  });

  it('reads English headers', () => {
    const csv = 'area code,period,labour force,urban unemployed\n19,2025-06,1000,20\n';
    expect(readLabourForce(readCsv(Buffer.from(csv))).rows).toEqual([{ area: '19', period: '2025-06', labourForce: 1000, urbanUnemployed: 20 }]);
  });

  it('refuses the whole table, naming each bad row and column', () => {
    const csv = 'Mã địa bàn,Kỳ,Lực lượng lao động\n19,2025,abc\n1,2025-Q5,10\n';
    expect(() => readLabourForce(readCsv(Buffer.from(csv)))).toThrow(/3 problem/);
    try {
      readLabourForce(readCsv(Buffer.from(csv)));
    } catch (error) {
      expect((error as { details: { errors: { row: number; field: string }[] } }).details.errors.map((e) => [e.row, e.field])).toEqual([
        [2, 'labourForce'],
        [3, 'area'],
        [3, 'period'],
      ]);
    }
  });

  it('needs the area and period columns', () => {
    expect(() => readLabourForce(readCsv(Buffer.from('labour force\n10\n')))).toThrow(/area column/);
  });

  it('parses thousands and decimal commas', () => {
    expect(['1.234.567', '1,234', '12 345', '2,5', '7'].map(parseNumber)).toEqual(['1234567', '1234', '12345', '2.5', '7']);
  });
});
