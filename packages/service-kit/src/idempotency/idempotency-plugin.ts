import { isDuplicateKey, KetNoiError } from '@ketnoi/errors';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Model } from 'mongoose';
import { fingerprint, IDEMPOTENCY_HEADER, readKey, recordId, REPLAYED_HEADER } from './idempotency-key.js';
import { answerId, effectId, idempotencyModel, type IdempotencyRecord } from './idempotency-record.js';
import { InsertBatcher } from './insert-batcher.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Honour `Idempotency-Key` on this route (scope: what the key is unique
     * within; default the route URL). `effect`: a route whose requests create
     * something names it here (a fresh id each call), so its id is stored with
     * the claim, in the same insert, rather than by a second one when the
     * handler asks; `idempotentId` then answers with the stored id, whatever
     * candidate it is given.
     */
    idempotency?: { scope?: string; required?: boolean; effect?: () => string };
  }
  interface FastifyRequest {
    idempotencyClaim: string | null;
    /**
     * Set while the request holds its Idempotency-Key: the id of what it
     * creates, tied to the key and the request (principal, scope, key and
     * body). The first call stores `candidate` for them (a route naming its
     * `effect` has it stored with the claim instead); every later attempt
     * of the same request gets that id back — also after a 5xx released the
     * key, a crash abandoned its claim, or a slow first attempt is still
     * running — so a re-run meets the first run's effect (e.g. a duplicate
     * key on the aggregate's first version) instead of making a second one.
     */
    idempotentId: ((candidate: string) => Promise<string>) | null;
  }
}

export interface IdempotencyOptions {
  /** Collection of claimed keys; default `idempotency_keys`. */
  collection?: string;
  /** How long an answer is kept for replay; default 24 h. */
  ttlMs?: number;
  /** An unanswered claim older than this is taken as abandoned (its request crashed); default 60 s. */
  abandonAfterMs?: number;
  /** How often expired keys are deleted; default 10 min. */
  sweepEveryMs?: number;
}

const KEPT_HEADERS = ['content-type', 'location', 'etag'];
const keyReused = () =>
  new KetNoiError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request; use a new key', { status: 422 });
const keyInUse = () =>
  new KetNoiError('IDEMPOTENCY_KEY_IN_USE', 'A request with this Idempotency-Key is still being processed; retry shortly', { status: 409 });

async function replay(reply: FastifyReply, record: IdempotencyRecord): Promise<FastifyReply> {
  for (const [name, value] of Object.entries(record.headers ?? {})) reply.header(name, value);
  return reply.code(record.status ?? 200).header(REPLAYED_HEADER, 'true').send(record.body ?? '');
}

/**
 * `Idempotency-Key` for the routes that ask for it (`config: { idempotency: {} }`):
 * the first request with a key claims it by a unique insert (safe on FerretDB,
 * whose updates are not atomic), and its answer is inserted next to the claim
 * (the inserts of concurrent requests share one `insertMany`);
 * the same key with the same request then gets the stored answer again, with a
 * different request 422, and while the first is still running 409. A 5xx
 * answer releases the key so the client can retry. A released or abandoned
 * key runs the request again: a handler that creates something names it with
 * `request.idempotentId(candidate)`, which survives both (it is kept for the
 * key's TTL), so the re-run finds what the first run may have written.
 */
export const idempotencyPlugin = fp(
  async (app: FastifyInstance, options: IdempotencyOptions) => {
    const model: Model<IdempotencyRecord> = idempotencyModel(app.mongo, options.collection ?? 'idempotency_keys');
    await model.init();
    const ttlMs = options.ttlMs ?? 24 * 3600_000;
    const abandonAfterMs = options.abandonAfterMs ?? 60_000;
    // Claims and answers of concurrent requests go in together (group commit); each is still its own unique insert.
    const inserts = new InsertBatcher(model.collection);

    /** Inserts a record that lives for the key's TTL; false when one with its `_id` is there already. */
    async function insertRecord(id: string, fields: Pick<IdempotencyRecord, 'fingerprint'> | Pick<IdempotencyRecord, 'effect'>, now: number): Promise<boolean> {
      try {
        await inserts.insert({ _id: id, ...fields, createdAt: new Date(now), expiresAt: new Date(now + ttlMs) });
        return true;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        return false;
      }
    }

    /** Claims the key (null), or returns the claim someone else holds and its answer, if there is one yet. */
    async function claim(id: string, print: string): Promise<{ holder: IdempotencyRecord; answer: IdempotencyRecord | null } | null> {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const now = Date.now();
        if (await insertRecord(id, { fingerprint: print }, now)) return null;
        // The claim and its answer in one read (`_id` `$in`: the _id index on the FerretDB infra/ builds).
        const records = await model.find({ _id: { $in: [id, answerId(id)] } }).lean<IdempotencyRecord[]>();
        const holder = records.find((record) => record._id === id);
        if (holder === undefined) continue;
        const answer = records.find((record) => record._id === answerId(id)) ?? null;
        const expired = holder.expiresAt.getTime() <= now;
        const abandoned = answer === null && holder.createdAt.getTime() + abandonAfterMs <= now;
        if (!expired && !abandoned) return { holder, answer };
        // Only the holder of this exact claim is deleted; the next insert decides who claims the key.
        await model.deleteOne({ _id: answerId(id) });
        await model.deleteOne({ _id: id, createdAt: holder.createdAt });
      }
      throw keyInUse();
    }

    /** The id stored for this request's effect: `candidate` if none is stored yet. */
    async function storedEffect(id: string, candidate: string): Promise<string> {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        if (await insertRecord(id, { effect: candidate }, Date.now())) return candidate;
        const stored = await model.findById(id).lean<IdempotencyRecord>();
        // Swept between the insert and the read: insert again.
        if (stored?.effect !== undefined) return stored.effect;
      }
      throw keyInUse();
    }

    app.decorateRequest('idempotencyClaim', null);
    app.decorateRequest('idempotentId', null);

    app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
      const config = request.routeOptions.config.idempotency;
      if (!config) return;
      const key = readKey(request.headers[IDEMPOTENCY_HEADER]);
      if (key === undefined) {
        if (config.required) throw new KetNoiError('IDEMPOTENCY_KEY_MISSING', 'This request needs an Idempotency-Key header', { status: 400 });
        return;
      }
      const principal = request.principal?.sub ?? 'anonymous';
      const id = recordId(principal, config.scope ?? `${request.method} ${request.routeOptions.url}`, key);
      const print = fingerprint(request.method, request.url, request.body);
      const effect = effectId(id, print);
      const named = config.effect?.();
      // Called in the same turn: the claim and the effect go in one insertMany. An effect stored by an earlier attempt stays (a duplicate, read when asked for).
      const [existing, namedStored] = await Promise.all([claim(id, print), named === undefined ? false : insertRecord(effect, { effect: named }, Date.now())]);
      if (existing === null) {
        request.idempotencyClaim = id;
        request.idempotentId = namedStored ? async () => named! : (candidate) => storedEffect(effect, named ?? candidate);
        return;
      }
      if (existing.holder.fingerprint !== print) throw keyReused();
      if (existing.answer === null) {
        reply.header('retry-after', '1');
        throw keyInUse();
      }
      request.log.info({ idempotent: true }, 'replaying the stored answer');
      return replay(reply, existing.answer);
    });

    app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      const id = request.idempotencyClaim;
      if (id === null) return payload;
      request.idempotencyClaim = null;
      try {
        if (reply.statusCode >= 500 || typeof payload !== 'string') {
          await model.deleteOne({ _id: id });
          return payload;
        }
        const headers = Object.fromEntries(
          KEPT_HEADERS.flatMap((name) => {
            const value = reply.getHeader(name);
            return value === undefined ? [] : [[name, String(value)]];
          }),
        );
        const now = Date.now();
        await inserts.insert({ _id: answerId(id), status: reply.statusCode, headers, body: payload, createdAt: new Date(now), expiresAt: new Date(now + ttlMs) });
      } catch (error) {
        request.log.warn({ err: error }, 'could not store the answer for its Idempotency-Key');
      }
      return payload;
    });

    const sweep = setInterval(() => {
      model.deleteMany({ expiresAt: { $lt: new Date() } }).catch((error: unknown) => app.log.warn({ err: error }, 'idempotency sweep failed'));
    }, options.sweepEveryMs ?? 600_000);
    sweep.unref();
    app.addHook('onClose', async () => clearInterval(sweep));
  },
  { name: 'ketnoi-idempotency', fastify: '5.x', dependencies: ['mongo', 'ketnoi-auth'] },
);
