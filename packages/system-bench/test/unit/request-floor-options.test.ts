import { describe, expect, it } from 'vitest';
import { requestFloorOptions } from '../../src/request-floor-options.js';

const valid = { name: 'request floor', brokers: ['127.0.0.1:19092'], mongoUrl: 'mongodb://127.0.0.1:37017', dbName: 'b_request_floor', topic: 'bench-request-floor.b', employerId: `emp_${'0'.repeat(26)}` };

describe('requestFloorOptions', () => {
  it('reads the server\'s settings', () => {
    expect(requestFloorOptions.parse(valid)).toEqual(valid);
  });

  it('refuses an employer id of another length than a real one (every document\'s size depends on it)', () => {
    expect(() => requestFloorOptions.parse({ ...valid, employerId: 'emp_1' })).toThrow(/employerId/);
  });

  it('refuses a missing broker or a URL that is not mongodb://', () => {
    expect(() => requestFloorOptions.parse({ ...valid, brokers: [] })).toThrow(/brokers/);
    expect(() => requestFloorOptions.parse({ ...valid, mongoUrl: 'postgres://x' })).toThrow(/mongoUrl/);
  });
});
