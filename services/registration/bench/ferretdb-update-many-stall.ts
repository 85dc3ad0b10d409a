// Checks the outbox relay's marking on FerretDB 1.24: a bulkWrite of updateOne
// operations stalls an SQLite-backed database that other clients keep inserting
// into (services/vacancy-intake/bench/ferretdb-bulk-update-stall.ts). Does one
// updateMany({pending: true, _id: {$in}}) per batch, as the relay now sends?
//   MONGO_URL=... npx tsx bench/ferretdb-update-many-stall.ts [seconds]
// 8 clients insert for `seconds` (30) while a relay-like loop marks what they
// wrote; then it says "finished" or "STUCK", checks every marked document, and
// drops its database.
import mongoose from 'mongoose';

const seconds = Number(process.argv[2] ?? 30);
const connection = await mongoose.createConnection(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', { dbName: `rg_stall_${Date.now()}` }).asPromise();
const schema = new mongoose.Schema({ _id: String, body: mongoose.Schema.Types.Mixed, pending: Boolean }, { versionKey: false });
const versions = connection.model('versions', schema, 'versions');
const body = { text: 'x'.repeat(2000) };

let inserted = 0;
let marked = 0;
let stop = false;
const written: string[] = [];
const writer = async (w: number) => {
  for (let i = 0; !stop; i += 1) {
    await versions.create({ _id: `${w}-${i}`, body, pending: true });
    written.push(`${w}-${i}`);
    inserted += 1;
  }
};
const relay = async () => {
  while (!stop) {
    const ids = written.splice(0, 500);
    if (ids.length > 0) {
      const result = await versions.updateMany({ pending: true, _id: { $in: ids } }, { $set: { pending: false, body: {} } });
      marked += result.modifiedCount;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

const work = Promise.all([...Array.from({ length: 8 }, (_, w) => writer(w)), relay()]);
const progress = setInterval(() => console.log(`${inserted} inserted, ${marked} marked`), 5_000);
await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
stop = true;
const outcome = await Promise.race([work.then(() => 'finished'), new Promise((resolve) => setTimeout(() => resolve('STUCK'), 30_000))]);
clearInterval(progress);
if (outcome === 'finished' && written.length > 0) marked += (await versions.updateMany({ pending: true, _id: { $in: written } }, { $set: { pending: false, body: {} } })).modifiedCount;
const left = outcome === 'finished' ? await versions.countDocuments({ pending: true }) : -1;
console.log(`updateMany: ${outcome} after ${inserted} inserts; ${marked} marked, ${left} still pending`);
await Promise.race([connection.dropDatabase(), new Promise((resolve) => setTimeout(resolve, 20_000))]);
process.exit(outcome === 'finished' && left === 0 ? 0 : 1);
