import { aggregateId, communeCode, referenceCode, taxCode, vsicCode } from '@ketnoi/contracts';
import { z } from 'zod';
import type { AggregateVersion } from '@ketnoi/service-kit';
import type { EmployerState } from '../../domain/employer.js';

export const contact = z.strictObject({
  name: z.string().min(1).max(200),
  role: z.string().min(1).max(100).optional(),
  phone: z.string().regex(/^\+?[0-9][0-9 .-]{7,19}$/, 'a phone number').optional(),
  email: z.email().max(200).optional(),
});

export const address = z.strictObject({
  communeCode,
  street: z.string().min(1).max(300).optional().describe('House number, street, lot: below the commune'),
});

const profileShape = {
  name: z.string().min(1).max(300),
  vsicSector: vsicCode,
  fdi: z.boolean(),
  investorCountry: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2').optional(),
  industrialParkCode: referenceCode.optional(),
  address,
  contacts: z.array(contact).max(10).default([]),
};

export const registerEmployerBody = z.strictObject({ taxCode, ...profileShape });

// JSON merge patch of the profile (null removes investorCountry or industrialParkCode); staff also set the status.
export const patchEmployerBody = z.strictObject({
  name: profileShape.name.optional(),
  vsicSector: vsicCode.optional(),
  fdi: z.boolean().optional(),
  investorCountry: profileShape.investorCountry.unwrap().nullable().optional(),
  industrialParkCode: referenceCode.nullable().optional(),
  address: address.optional(),
  contacts: z.array(contact).max(10).optional(),
  status: z.enum(['active', 'suspended']).optional(),
});

export const employerParams = z.strictObject({ employerId: aggregateId });

export const employerView = z.object({
  employerId: aggregateId,
  version: z.number().int().positive(),
  taxCode,
  name: z.string(),
  vsicSector: z.string(),
  fdi: z.boolean(),
  investorCountry: z.string().optional(),
  industrialParkCode: z.string().optional(),
  address,
  contacts: z.array(contact),
  status: z.enum(['active', 'suspended']),
  registeredAt: z.string(),
  updatedAt: z.string(),
});

export function toEmployerView({ id, version, state, updatedAt }: AggregateVersion<EmployerState>): z.infer<typeof employerView> {
  return {
    employerId: id,
    version,
    taxCode: state.taxCode,
    name: state.name,
    vsicSector: state.vsicSector,
    fdi: state.fdi,
    ...(state.investorCountry === undefined ? {} : { investorCountry: state.investorCountry }),
    ...(state.industrialParkCode === undefined ? {} : { industrialParkCode: state.industrialParkCode }),
    address: { communeCode: state.communeCode, ...(state.street === undefined ? {} : { street: state.street }) },
    contacts: state.contacts,
    status: state.status,
    registeredAt: state.registeredAt,
    updatedAt: new Date(updatedAt).toISOString(),
  };
}
