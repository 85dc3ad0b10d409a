import { Schema } from 'mongoose';

const options = { minimize: false, _id: false } as const;
/**
 * Not strict: the fields a head schema does not declare and that hold objects
 * (`contacts`, `terms`, `sources`, `outcomes`) are stored packed, as one JSON
 * text (service-kit `packed-heads.ts`), which FerretDB writes and reads far
 * faster than nested documents. Every field a filter, sort, index or `$set`
 * uses is declared, so it stays at the top level.
 */
const packedOptions = { ...options, strict: false } as const;

export function employerHeads(): Schema {
  const schema = new Schema(
    {
      taxCode: { type: String, required: true },
      name: String,
      vsicSector: String,
      fdi: Boolean,
      investorCountry: String,
      industrialParkCode: String,
      communeCode: String,
      street: String,
      status: String,
      registeredAt: String,
    },
    packedOptions,
  );
  schema.index({ taxCode: 1 });
  return schema;
}

export function clientHeads(): Schema {
  const schema = new Schema(
    { employerId: { type: String, required: true }, label: String, secretHash: String, status: String, createdAt: String, rotatedAt: String, revokedAt: String },
    options,
  );
  schema.index({ employerId: 1 });
  return schema;
}

export function vacancyHeads(): Schema {
  const schema = new Schema(
    {
      employerId: { type: String, required: true },
      status: { type: String, required: true },
      // Copies of terms.<field> for the list's filters and the duplicate look-up (`vacancy-heads.ts`).
      occupationCode: String,
      communeCode: String,
      industrialParkCode: String,
      positionsFilled: Number,
      hiredWorkerIds: [String],
      fdi: Boolean,
      vsicSector: String,
      openedAt: String,
      expiresAt: String,
      titleKey: String,
      closeReason: String,
      closeNote: String,
      closedAt: String,
    },
    packedOptions,
  );
  schema.index({ employerId: 1, status: 1 });
  schema.index({ status: 1, expiresAt: 1 });
  return schema;
}

export function candidacyHeads(): Schema {
  const schema = new Schema(
    { vacancyId: { type: String, required: true }, workerId: String, employerId: String },
    packedOptions,
  );
  schema.index({ vacancyId: 1 });
  return schema;
}
