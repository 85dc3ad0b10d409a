// Evidence for the outbox relay: on FerretDB 1.24 (SQLite), a bulkWrite of
// updateOne operations on a collection that other clients keep inserting into
// stalled that database for good (every later query on it hung), while
// single updateOne calls or bulk deletes did not. The cause was FerretDB's
// update handler holding a backend connection per statement until the
// command returned; infra/ferretdb/patches/0001-release-query-before-write.patch
// fixes it, so on the FerretDB infra/ builds both modes finish. Run:
//   npx tsx bench/ferretdb-bulk-update-stall.ts [bulk|single]
// It writes for 30 s from 8 clients plus a relay-like loop, then says
// "finished" or "STUCK", and drops its database.
import mongoose from 'mongoose';

const mode = process.argv[2] === 'single' ? 'single' : 'bulk';
const connection = await mongoose.createConnection(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', { dbName: `vi_stall_${Date.now()}` }).asPromise();
const schema = new mongoose.Schema({ _id: String, body: mongoose.Schema.Types.Mixed, pending: Boolean }, { versionKey: false });
const versions = connection.model('versions', schema, 'versions');
const body = { text: 'x'.repeat(2000) };

let inserted = 0;
let stop = false;
const writer = async (w: number) => {
  for (let i = 0; !stop; i += 1, inserted += 1) await versions.create({ _id: `${w}-${i}`, body, pending: true });
};
const relay = async () => {
  for (let seen = 0; !stop; ) {
    const ids = Array.from({ length: Math.min(inserted - seen, 100) }, (_, k) => `${(seen + k) % 8}-${Math.floor((seen + k) / 8)}`);
    seen += ids.length;
    if (mode === 'bulk') await versions.bulkWrite(ids.map((_id) => ({ updateOne: { filter: { _id }, update: { $set: { pending: false } } } })), { ordered: false });
    else for (const _id of ids) await versions.updateOne({ _id }, { $set: { pending: false } });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

const work = Promise.all([...Array.from({ length: 8 }, (_, w) => writer(w)), relay()]);
const progress = setInterval(() => console.log(`${mode}: ${inserted} inserted`), 5_000);
await new Promise((resolve) => setTimeout(resolve, 30_000));
stop = true;
const outcome = await Promise.race([work.then(() => 'finished'), new Promise((resolve) => setTimeout(() => resolve('STUCK'), 30_000))]);
clearInterval(progress);
console.log(`${mode}: ${outcome} after ${inserted} inserts`);
await Promise.race([connection.dropDatabase(), new Promise((resolve) => setTimeout(resolve, 20_000))]);
process.exit(0);
