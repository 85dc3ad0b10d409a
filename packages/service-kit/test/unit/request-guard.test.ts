import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkJsonBody } from '../../src/index.js';
import { buildTestApp } from '../helpers.js';

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
};

describe('request guard', () => {
  it('accepts ordinary bodies, Vietnamese text and arrays within the limits', () => {
    expect(() => checkJsonBody({ fullName: 'Nguyễn Thị Hà', skills: [{ code: 'S1', level: 3 }], tags: Array.from({ length: 10_000 }, (_, i) => i) })).not.toThrow();
    expect(() => checkJsonBody(nested(31))).not.toThrow();
  });

  it('refuses operator and dotted member names anywhere in the body', () => {
    expect(() => checkJsonBody({ phone: { $gt: '' } })).toThrow(expect.objectContaining({ code: 'OPERATOR_REFUSED', status: 400 }));
    expect(() => checkJsonBody({ list: [{ ok: 1 }, { $where: 'sleep(1000)' }] })).toThrow(expect.objectContaining({ code: 'OPERATOR_REFUSED' }));
    expect(() => checkJsonBody({ 'address.communeCode': 'x' })).toThrow(expect.objectContaining({ code: 'OPERATOR_REFUSED' }));
    expect(() => checkJsonBody(JSON.parse('{"a":{"constructor":{"prototype":1}}}'))).toThrow(expect.objectContaining({ code: 'OPERATOR_REFUSED' }));
  });

  it('refuses bodies nested too deep (without exhausting the stack) and arrays or objects too large', () => {
    expect(() => checkJsonBody(nested(100_000))).toThrow(expect.objectContaining({ code: 'BODY_TOO_DEEP', status: 400 }));
    expect(() => checkJsonBody({ ids: Array.from({ length: 100_000 }, () => 'x') })).toThrow(expect.objectContaining({ code: 'ARRAY_TOO_LONG' }));
    expect(() => checkJsonBody(Object.fromEntries(Array.from({ length: 1_001 }, (_, i) => [`k${i}`, i])))).toThrow(expect.objectContaining({ code: 'TOO_MANY_MEMBERS' }));
  });

  it('answers injection in bodies and query strings with 400 before the route runs', async () => {
    const app = await buildTestApp();
    let ran = 0;
    const body = z.object({ phone: z.unknown() });
    app.post('/find', { schema: { body } }, async () => ({ ran: ++ran }));
    app.get('/list', async () => ({ ran: ++ran }));

    const inBody = await app.inject({ method: 'POST', url: '/find', payload: { phone: { $ne: null } } });
    expect(inBody.statusCode).toBe(400);
    expect(inBody.json()).toMatchObject({ code: 'OPERATOR_REFUSED' });
    expect((await app.inject({ method: 'GET', url: '/list?status[$ne]=closed' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/list?$where=1' })).json()).toMatchObject({ code: 'OPERATOR_REFUSED' });
    expect(ran).toBe(0);

    expect((await app.inject({ method: 'GET', url: '/list?status=%7B%22%24gt%22%3A%22%22%7D' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/find', payload: { phone: '0912345678' } })).statusCode).toBe(200);
  });
});
