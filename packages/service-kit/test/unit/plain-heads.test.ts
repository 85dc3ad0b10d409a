import { Schema } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { plainHeads } from '../../src/versioned/plain-heads.js';

const loose = { strict: false, minimize: false } as const;

describe('plainHeads: when mongoose would store a head as it is', () => {
  it('lets a loose schema of plain scalar fields through, for heads whose values have their declared types', () => {
    const plain = plainHeads(new Schema({ status: { type: String, index: true }, count: Number, open: Boolean, at: Date }, loose))!;
    expect(plain).toBeDefined();
    expect(plain({ status: 'active', count: 2, open: true, at: new Date(), undeclared: { any: 'thing' } })).toBe(true);
    expect(plain({ status: undefined, count: null })).toBe(true);
    // Mongoose would cast these: the head goes through it.
    expect(plain({ status: 5 })).toBe(false);
    expect(plain({ count: '2' })).toBe(false);
    expect(plain({ at: '2026-01-01T00:00:00Z' })).toBe(false);
  });

  it('leaves to mongoose a schema that changes what it stores: strict, minimizing, defaults, validators, setters, arrays, nested paths', () => {
    expect(plainHeads(new Schema({ status: String }))).toBeUndefined();
    expect(plainHeads(new Schema({ status: String }, { strict: false }))).toBeUndefined();
    expect(plainHeads(new Schema({ status: { type: String, default: 'new' } }, loose))).toBeUndefined();
    expect(plainHeads(new Schema({ fairId: { type: String, required: true } }, loose))).toBeUndefined();
    expect(plainHeads(new Schema({ code: { type: String, set: (v: string) => v.trim() } }, loose))).toBeUndefined();
    expect(plainHeads(new Schema({ hiredWorkerIds: [String] }, loose))).toBeUndefined();
    expect(plainHeads(new Schema({ terms: { title: String } }, loose))).toBeUndefined();
    expect(plainHeads(new Schema({ stamp: String }, { ...loose, timestamps: true }))).toBeUndefined();
  });
});
