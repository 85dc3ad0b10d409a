#!/usr/bin/env node
// Readiness probe for a Kafka broker, speaking the Kafka wire protocol with Node built-ins only.
//
//   node infra/lib/probe-kafka.mjs [host:port] [--timeout MS] [--node-id N] [--coordinators] [--quiet]
//
// 1. ApiVersions v0  -> the broker must answer with error_code 0 and list Metadata (api key 3).
// 2. Metadata v4..v7 (no topics) -> the broker list must be non-empty (and contain --node-id if
//    given) and controller_id must be >= 0 (KRaft: a broker that has caught up with the quorum).
// 3. With --coordinators: FindCoordinator v1..v2 for a group key and a transactional-id key, and
//    InitProducerId v0..v1 without transactional id, must succeed. On a fresh broker this creates
//    __consumer_offsets / __transaction_state and the first producer-id block, so the apps' first
//    consumer group / idempotent producer does not hit COORDINATOR_NOT_AVAILABLE / LOAD_IN_PROGRESS.
// Exit 0 when all succeed, 1 otherwise (connection refused, timeout, bad answer, ...).
//
// Defaults: host 127.0.0.1 (or $KAFKA_HOST), port $KAFKA_PORT or 9092, timeout 3000 ms.

import net from 'node:net';
import process from 'node:process';

const API_METADATA = 3;
const API_FIND_COORDINATOR = 10;
const API_INIT_PRODUCER_ID = 22;
const API_VERSIONS = 18;
const CLIENT_ID = 'ketnoi-probe';

function parseArgs(argv) {
  const opts = {
    host: process.env.KAFKA_HOST || '127.0.0.1',
    port: Number(process.env.KAFKA_PORT || 9092),
    timeoutMs: 3000,
    nodeId: null,
    coordinators: false,
    quiet: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--timeout') opts.timeoutMs = Number(argv[++i]);
    else if (a === '--node-id') opts.nodeId = Number(argv[++i]);
    else if (a === '--coordinators') opts.coordinators = true;
    else if (a === '--quiet' || a === '-q') opts.quiet = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: probe-kafka.mjs [host:port] [--timeout MS] [--node-id N] [--coordinators] [--quiet]\n');
      process.exit(0);
    } else if (!a.startsWith('-')) {
      const idx = a.lastIndexOf(':');
      if (idx > 0) {
        opts.host = a.slice(0, idx).replace(/^\[|\]$/g, '');
        opts.port = Number(a.slice(idx + 1));
      } else {
        opts.host = a;
      }
    } else {
      throw new Error(`unknown option ${a}`);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port <= 0 || opts.port > 65535) {
    throw new Error(`bad port ${opts.port}`);
  }
  if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0) {
    throw new Error(`bad timeout ${opts.timeoutMs}`);
  }
  return opts;
}

// ---- encoding -------------------------------------------------------------------------------

function int16(v) {
  const b = Buffer.alloc(2);
  b.writeInt16BE(v, 0);
  return b;
}

function int32(v) {
  const b = Buffer.alloc(4);
  b.writeInt32BE(v, 0);
  return b;
}

function str(s) {
  const body = Buffer.from(s, 'utf8');
  return Buffer.concat([int16(body.length), body]);
}

// Request header v1 (non-flexible): api_key, api_version, correlation_id, client_id.
function frame(apiKey, apiVersion, correlationId, body) {
  const payload = Buffer.concat([int16(apiKey), int16(apiVersion), int32(correlationId), str(CLIENT_ID), body]);
  return Buffer.concat([int32(payload.length), payload]);
}

// ---- decoding -------------------------------------------------------------------------------

class Reader {
  constructor(buf) {
    this.buf = buf;
    this.off = 0;
  }

  need(n) {
    if (this.off + n > this.buf.length) throw new Error('truncated response');
  }

  int8() {
    this.need(1);
    const v = this.buf.readInt8(this.off);
    this.off += 1;
    return v;
  }

  int16() {
    this.need(2);
    const v = this.buf.readInt16BE(this.off);
    this.off += 2;
    return v;
  }

  int32() {
    this.need(4);
    const v = this.buf.readInt32BE(this.off);
    this.off += 4;
    return v;
  }

  nullableString() {
    const len = this.int16();
    if (len < 0) return null;
    this.need(len);
    const s = this.buf.toString('utf8', this.off, this.off + len);
    this.off += len;
    return s;
  }

  string() {
    const s = this.nullableString();
    if (s === null) throw new Error('unexpected null string');
    return s;
  }
}

// ---- connection -----------------------------------------------------------------------------

// Minimal request/response channel: one outstanding request at a time, size-prefixed frames.
function connect(host, port) {
  return new Promise((resolve, reject) => {
    const sock = net.createConnection({ host, port });
    let buffered = Buffer.alloc(0);
    let waiter = null;

    const fail = (err) => {
      if (waiter) {
        const w = waiter;
        waiter = null;
        w.reject(err);
      }
    };

    const pump = () => {
      if (!waiter || buffered.length < 4) return;
      const size = buffered.readInt32BE(0);
      if (size < 0 || size > 64 * 1024 * 1024) {
        fail(new Error(`bad response size ${size}`));
        return;
      }
      if (buffered.length < 4 + size) return;
      const msg = buffered.subarray(4, 4 + size);
      buffered = buffered.subarray(4 + size);
      const w = waiter;
      waiter = null;
      w.resolve(msg);
    };

    sock.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      pump();
    });
    sock.on('error', (err) => {
      reject(err);
      fail(err);
    });
    sock.on('close', () => fail(new Error('connection closed by broker')));
    sock.on('connect', () => {
      resolve({
        request(buf) {
          return new Promise((res, rej) => {
            waiter = { resolve: res, reject: rej };
            sock.write(buf);
            pump();
          });
        },
        close() {
          sock.destroy();
        },
      });
    });
  });
}

// ---- probe ----------------------------------------------------------------------------------

async function probe({ host, port, nodeId, coordinators }) {
  const conn = await connect(host, port);
  try {
    // ApiVersions v0: empty body; response header v0; body: error_code, [api_key, min, max].
    const av = new Reader(await conn.request(frame(API_VERSIONS, 0, 1, Buffer.alloc(0))));
    if (av.int32() !== 1) throw new Error('ApiVersions: correlation id mismatch');
    const avError = av.int16();
    if (avError !== 0) throw new Error(`ApiVersions: error_code ${avError}`);
    const apis = new Map();
    const n = av.int32();
    for (let i = 0; i < n; i += 1) {
      const key = av.int16();
      apis.set(key, { min: av.int16(), max: av.int16() });
    }
    const md = apis.get(API_METADATA);
    if (!md) throw new Error('ApiVersions: broker does not list Metadata');

    // Metadata v4..v7 share one request body (topics array, allow_auto_topic_creation) and,
    // up to controller_id, one response layout. Kafka 4 dropped v0-v3; v8+ adds fields / v9+
    // is flexible, so stay inside [4, 7].
    const version = Math.max(md.min, 4);
    if (version > 7 || version > md.max) {
      throw new Error(`Metadata: no usable version (broker supports v${md.min}-v${md.max})`);
    }
    // topics: empty array (= no topics, just brokers/controller); allow_auto_topic_creation=false.
    const body = Buffer.concat([int32(0), Buffer.from([0])]);
    const r = new Reader(await conn.request(frame(API_METADATA, version, 2, body)));
    if (r.int32() !== 2) throw new Error('Metadata: correlation id mismatch');
    r.int32(); // throttle_time_ms (v3+)
    const brokers = [];
    const nb = r.int32();
    for (let i = 0; i < nb; i += 1) {
      const id = r.int32();
      const bhost = r.string();
      const bport = r.int32();
      r.nullableString(); // rack
      brokers.push({ id, host: bhost, port: bport });
    }
    const clusterId = r.nullableString();
    const controllerId = r.int32();

    if (brokers.length === 0) throw new Error('Metadata: no live brokers yet');
    if (nodeId !== null && !brokers.some((b) => b.id === nodeId)) {
      throw new Error(`Metadata: node ${nodeId} not among brokers ${JSON.stringify(brokers)}`);
    }
    if (controllerId < 0) throw new Error('Metadata: no controller yet');

    const found = [];
    if (coordinators) {
      const fc = apis.get(API_FIND_COORDINATOR);
      if (!fc) throw new Error('ApiVersions: broker does not list FindCoordinator');
      // v1 and v2 share one layout: key, key_type -> throttle, error, message, node, host, port.
      const fcVersion = Math.max(fc.min, 1);
      if (fcVersion > 2 || fcVersion > fc.max) {
        throw new Error(`FindCoordinator: no usable version (broker supports v${fc.min}-v${fc.max})`);
      }
      let corr = 3;
      for (const [keyType, label] of [[0, 'group'], [1, 'transaction']]) {
        const req = Buffer.concat([str(CLIENT_ID), Buffer.from([keyType])]);
        const fr = new Reader(await conn.request(frame(API_FIND_COORDINATOR, fcVersion, corr, req)));
        if (fr.int32() !== corr) throw new Error('FindCoordinator: correlation id mismatch');
        corr += 1;
        fr.int32(); // throttle_time_ms
        const err = fr.int16();
        const msg = fr.nullableString();
        if (err !== 0) throw new Error(`FindCoordinator(${label}): error_code ${err}${msg ? ` (${msg})` : ''}`);
        found.push(`${label}=${fr.int32()}`);
      }

      // InitProducerId v0/v1: transactional_id=null, transaction_timeout_ms -> throttle, error, pid, epoch.
      const ip = apis.get(API_INIT_PRODUCER_ID);
      if (!ip) throw new Error('ApiVersions: broker does not list InitProducerId');
      const ipVersion = ip.min;
      if (ipVersion > 1 || ipVersion > ip.max) {
        throw new Error(`InitProducerId: no usable version (broker supports v${ip.min}-v${ip.max})`);
      }
      const ipReq = Buffer.concat([int16(-1), int32(60000)]);
      const ir = new Reader(await conn.request(frame(API_INIT_PRODUCER_ID, ipVersion, corr, ipReq)));
      if (ir.int32() !== corr) throw new Error('InitProducerId: correlation id mismatch');
      ir.int32(); // throttle_time_ms
      const ipErr = ir.int16();
      if (ipErr !== 0) throw new Error(`InitProducerId: error_code ${ipErr}`);
      found.push('producer-id=ok');
    }
    return { apis: apis.size, metadataVersion: version, brokers, clusterId, controllerId, found };
  } finally {
    conn.close();
  }
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`probe-kafka: ${err.message}\n`);
    process.exit(2);
  }
  const target = `${opts.host}:${opts.port}`;
  let timer;
  let code = 1;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${opts.timeoutMs} ms`)), opts.timeoutMs);
  });
  try {
    const info = await Promise.race([probe(opts), timeout]);
    if (!opts.quiet) {
      const bl = info.brokers.map((b) => `${b.id}@${b.host}:${b.port}`).join(',');
      process.stdout.write(
        `kafka ready at ${target}: cluster=${info.clusterId} brokers=[${bl}] ` +
          `controller=${info.controllerId} apis=${info.apis} metadata=v${info.metadataVersion}` +
          `${info.found.length ? ` coordinators: ${info.found.join(' ')}` : ''}\n`,
      );
    }
    code = 0;
  } catch (err) {
    if (!opts.quiet) process.stderr.write(`kafka not ready at ${target}: ${err.message}\n`);
  } finally {
    clearTimeout(timer);
  }
  // Exit explicitly: on timeout the socket may still be open and would keep the loop alive.
  process.exit(code);
}

main();
