import { Schema } from 'mongoose';

const options = { minimize: false, _id: false } as const;

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
      contacts: Schema.Types.Mixed,
      status: String,
      registeredAt: String,
    },
    options,
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
      terms: { type: Schema.Types.Mixed, required: true },
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
      sources: Schema.Types.Mixed,
    },
    options,
  );
  schema.index({ employerId: 1, status: 1 });
  schema.index({ status: 1, expiresAt: 1 });
  return schema;
}

export function candidacyHeads(): Schema {
  const schema = new Schema(
    { vacancyId: { type: String, required: true }, workerId: String, employerId: String, outcomes: Schema.Types.Mixed },
    options,
  );
  schema.index({ vacancyId: 1 });
  return schema;
}
