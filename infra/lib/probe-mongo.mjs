#!/usr/bin/env node
// Protocol-level readiness probe for a MongoDB-wire-protocol server
// (MongoDB, FerretDB). Node built-ins only (node:net); Node >= 20.
//
// Sends one OP_MSG `{ <command>: 1, $db: "admin" }` (command = hello | ping)
// and succeeds only if the BSON reply has `ok: 1`.
//
// Usage:
//   node infra/lib/probe-mongo.mjs [host:port] [--host H] [--port P]
//                                  [--timeout MS] [--command hello|ping] [--quiet]
// Defaults: 127.0.0.1:27017, timeout 2000 ms, command hello.
// Exit code: 0 ready, 1 not ready / error / timeout, 2 usage error.
//
// Also importable: `import { probe } from "./probe-mongo.mjs"`.

import net from "node:net";
import { fileURLToPath } from "node:url";
import path from "node:path";

const OP_MSG = 2013;

// ---------- minimal BSON encoder (double, string, doc, bool, null, int32, int64) ----------

function encodeDocument(obj) {
  const parts = [];
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined) continue;
    parts.push(encodeElement(key, value));
  }
  const body = Buffer.concat(parts);
  const out = Buffer.alloc(4 + body.length + 1);
  out.writeInt32LE(out.length, 0);
  body.copy(out, 4);
  out[out.length - 1] = 0;
  return out;
}

function cstring(s) {
  const b = Buffer.from(s, "utf8");
  if (b.includes(0)) throw new Error(`BSON key contains NUL: ${s}`);
  return Buffer.concat([b, Buffer.from([0])]);
}

function encodeElement(key, value) {
  const name = cstring(key);
  const tag = (t) => Buffer.from([t]);
  if (typeof value === "string") {
    const s = Buffer.from(value, "utf8");
    const len = Buffer.alloc(4);
    len.writeInt32LE(s.length + 1, 0);
    return Buffer.concat([tag(0x02), name, len, s, Buffer.from([0])]);
  }
  if (typeof value === "boolean") return Buffer.concat([tag(0x08), name, Buffer.from([value ? 1 : 0])]);
  if (value === null) return Buffer.concat([tag(0x0a), name]);
  if (typeof value === "bigint") {
    const b = Buffer.alloc(8);
    b.writeBigInt64LE(value, 0);
    return Buffer.concat([tag(0x12), name, b]);
  }
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= -0x80000000 && value <= 0x7fffffff) {
      const b = Buffer.alloc(4);
      b.writeInt32LE(value, 0);
      return Buffer.concat([tag(0x10), name, b]);
    }
    const b = Buffer.alloc(8);
    b.writeDoubleLE(value, 0);
    return Buffer.concat([tag(0x01), name, b]);
  }
  if (typeof value === "object") return Buffer.concat([tag(0x03), name, encodeDocument(value)]);
  throw new Error(`unsupported BSON value for ${key}: ${typeof value}`);
}

// ---------- minimal BSON decoder (all common types; unknown type -> error) ----------

function decodeDocument(buf, start = 0, asArray = false) {
  const size = buf.readInt32LE(start);
  const end = start + size;
  if (size < 5 || end > buf.length || buf[end - 1] !== 0) throw new Error("malformed BSON document");
  const out = asArray ? [] : {};
  let i = start + 4;
  while (i < end - 1) {
    const type = buf[i++];
    const nul = buf.indexOf(0, i);
    if (nul < 0 || nul >= end) throw new Error("malformed BSON key");
    const key = buf.toString("utf8", i, nul);
    i = nul + 1;
    let v;
    switch (type) {
      case 0x01: v = buf.readDoubleLE(i); i += 8; break; // double
      case 0x02: case 0x0d: case 0x0e: { // string, JS code, symbol
        const n = buf.readInt32LE(i);
        v = buf.toString("utf8", i + 4, i + 4 + n - 1);
        i += 4 + n;
        break;
      }
      case 0x03: case 0x04: { // document, array
        const n = buf.readInt32LE(i);
        v = decodeDocument(buf, i, type === 0x04);
        i += n;
        break;
      }
      case 0x05: { // binary
        const n = buf.readInt32LE(i);
        v = { $binary: buf.subarray(i + 5, i + 5 + n), subtype: buf[i + 4] };
        i += 5 + n;
        break;
      }
      case 0x06: case 0x0a: case 0x7f: case 0xff: v = null; break; // undefined, null, maxKey, minKey
      case 0x07: v = { $oid: buf.toString("hex", i, i + 12) }; i += 12; break;
      case 0x08: v = buf[i] !== 0; i += 1; break;
      case 0x09: v = new Date(Number(buf.readBigInt64LE(i))); i += 8; break;
      case 0x0b: { // regex: two cstrings
        const p = buf.indexOf(0, i);
        const o = buf.indexOf(0, p + 1);
        v = { $regex: buf.toString("utf8", i, p), $options: buf.toString("utf8", p + 1, o) };
        i = o + 1;
        break;
      }
      case 0x0c: { // DBPointer
        const n = buf.readInt32LE(i);
        i += 4 + n + 12;
        v = null;
        break;
      }
      case 0x0f: { // code with scope
        const n = buf.readInt32LE(i);
        i += n;
        v = null;
        break;
      }
      case 0x10: v = buf.readInt32LE(i); i += 4; break;
      case 0x11: v = { $timestamp: buf.readBigUInt64LE(i) }; i += 8; break;
      case 0x12: v = buf.readBigInt64LE(i); i += 8; break;
      case 0x13: v = { $decimal128: buf.toString("hex", i, i + 16) }; i += 16; break;
      default: throw new Error(`unsupported BSON type 0x${type.toString(16)} for key ${key}`);
    }
    if (asArray) out.push(v);
    else out[key] = v;
  }
  return out;
}

// ---------- OP_MSG ----------

function buildOpMsg(doc, requestId) {
  const body = encodeDocument(doc);
  const header = Buffer.alloc(16 + 4 + 1);
  header.writeInt32LE(header.length + body.length, 0); // messageLength
  header.writeInt32LE(requestId, 4); // requestID
  header.writeInt32LE(0, 8); // responseTo
  header.writeInt32LE(OP_MSG, 12); // opCode
  header.writeUInt32LE(0, 16); // flagBits
  header[20] = 0; // section kind 0: body
  return Buffer.concat([header, body]);
}

function parseOpMsgReply(msg, requestId) {
  const opCode = msg.readInt32LE(12);
  const responseTo = msg.readInt32LE(8);
  if (opCode !== OP_MSG) throw new Error(`unexpected reply opCode ${opCode}`);
  if (responseTo !== requestId) throw new Error(`reply responseTo ${responseTo} != requestID ${requestId}`);
  const flags = msg.readUInt32LE(16);
  const end = flags & 1 ? msg.length - 4 : msg.length; // checksumPresent
  let i = 20;
  while (i < end) {
    const kind = msg[i++];
    if (kind === 0) return decodeDocument(msg, i);
    if (kind === 1) { i += msg.readInt32LE(i); continue; } // document sequence: skip
    throw new Error(`unknown OP_MSG section kind ${kind}`);
  }
  throw new Error("OP_MSG reply has no body section");
}

/**
 * Probe a MongoDB-wire server.
 * @returns {Promise<object>} the reply document when `ok: 1`; rejects otherwise.
 */
export function probe({ host = "127.0.0.1", port = 27017, timeoutMs = 2000, command = "hello" } = {}) {
  return new Promise((resolve, reject) => {
    const requestId = (Math.random() * 0x7fffffff) | 0;
    let chunks = [];
    let received = 0;
    let settled = false;
    const socket = net.createConnection({ host, port });
    const finish = (err, doc) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(doc);
    };
    const timer = setTimeout(() => finish(new Error(`timeout after ${timeoutMs} ms`)), timeoutMs);
    socket.setNoDelay(true);
    socket.on("connect", () => socket.write(buildOpMsg({ [command]: 1, $db: "admin" }, requestId)));
    socket.on("data", (chunk) => {
      chunks.push(chunk);
      received += chunk.length;
      if (received < 4) return;
      const buf = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      chunks = [buf];
      const len = buf.readInt32LE(0);
      if (len < 21 || len > 48 * 1024 * 1024) return finish(new Error(`bad reply length ${len}`));
      if (received < len) return;
      try {
        const doc = parseOpMsgReply(buf.subarray(0, len), requestId);
        if (doc.ok === 1 || doc.ok === 1n || doc.ok === true) finish(null, doc);
        else finish(new Error(`server replied ok=${String(doc.ok)}: ${doc.errmsg ?? ""} (code ${doc.code ?? "?"})`));
      } catch (e) {
        finish(e);
      }
    });
    socket.on("error", (e) => finish(e));
    socket.on("close", () => finish(new Error("connection closed before a full reply")));
  });
}

// ---------- CLI ----------

function parseArgs(argv) {
  const o = { host: "127.0.0.1", port: 27017, timeoutMs: 2000, command: "hello", quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--host") o.host = next();
    else if (a === "--port") o.port = Number(next());
    else if (a === "--timeout") o.timeoutMs = Number(next());
    else if (a === "--command") o.command = next();
    else if (a === "--quiet" || a === "-q") o.quiet = true;
    else if (a === "--help" || a === "-h") o.help = true;
    else if (!a.startsWith("-")) {
      const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(a);
      if (!m) throw new Error(`bad address ${a}`);
      o.host = m[1].replace(/^\[|\]$/g, "");
      if (m[2]) o.port = Number(m[2]);
    } else throw new Error(`unknown option ${a}`);
  }
  if (!Number.isInteger(o.port) || o.port <= 0 || o.port > 65535) throw new Error(`bad port ${o.port}`);
  if (!(o.timeoutMs > 0)) throw new Error(`bad timeout ${o.timeoutMs}`);
  if (!["hello", "ping", "isMaster", "buildInfo"].includes(o.command)) throw new Error(`unsupported command ${o.command}`);
  return o;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`probe-mongo: ${e.message}`);
    process.exit(2);
  }
  if (opts.help) {
    console.log("usage: probe-mongo.mjs [host:port] [--host H] [--port P] [--timeout MS] [--command hello|ping] [--quiet]");
    process.exit(0);
  }
  probe(opts).then(
    (doc) => {
      if (!opts.quiet) {
        const extra = doc.maxWireVersion !== undefined ? ` maxWireVersion=${doc.maxWireVersion}` : "";
        const ver = doc.version !== undefined ? ` version=${doc.version}` : "";
        console.log(`ready ${opts.host}:${opts.port} (${opts.command} ok=1${extra}${ver})`);
      }
      process.exit(0);
    },
    (err) => {
      if (!opts.quiet) console.error(`not ready ${opts.host}:${opts.port}: ${err.message}`);
      process.exit(1);
    },
  );
}
