import { aggregateId } from '@ketnoi/contracts';
import { z } from 'zod';
import { deliveryModes } from '../../repositories/preferences.js';

export const workerParams = z.object({ id: aggregateId });

export const preferencesInput = z.strictObject({
  delivery: z.enum(deliveryModes).describe('each: one message per match; digest: one message a day listing the day\'s matches'),
});

export const preferencesView = preferencesInput.extend({ updatedAt: z.string().nullable() });
