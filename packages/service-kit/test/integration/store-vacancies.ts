import { ingestVacanciesTopic, type TopicEventInput } from '@ketnoi/contracts';
import type { TopicNamer } from '@ketnoi/messaging';
import { uniqueName } from '@ketnoi/testing';
import type { FastifyInstance } from 'fastify';
import { Schema } from 'mongoose';
import { consumerPlugin } from '../../src/index.js';

const vacancySchema = new Schema({ _id: String, externalRef: String, title: String });

/** What the consumer below stored, one document per event id. */
export const storedVacancies = (app: FastifyInstance) => app.mongo.model('StoredVacancy', vacancySchema);

/** The consumer of a service in miniature: stores each submitted vacancy once; a redelivery is a duplicate. */
export const storeVacanciesConsumer = (options: { topicName?: TopicNamer } = {}) =>
  consumerPlugin({
    name: 'store-vacancies',
    groupId: uniqueName('kit'),
    maxWaitTimeInMs: 250,
    ...options,
    subscribe: (consumer, instance) =>
      consumer.subscribe(ingestVacanciesTopic, async (event) => {
        const { externalRef, terms } = event.data;
        const result = await storedVacancies(instance).updateOne(
          { _id: event.id },
          { $setOnInsert: { externalRef, title: terms.title } },
          { upsert: true },
        );
        return result.upsertedCount === 1 ? undefined : 'duplicate';
      }),
  });

export const aVacancySubmitted = (externalRef: string): TopicEventInput<typeof ingestVacanciesTopic> => ({
  type: 'vacancy.submitted',
  subject: externalRef,
  data: {
    externalRef,
    employerTaxCode: '4600123456',
    terms: {
      title: 'Thợ hàn',
      occupationCode: '7212',
      positions: 3,
      skills: [],
      certificates: [],
      minQualification: 'elementary',
      languages: [],
      communeCode: '05860',
      wageMinVnd: 9_000_000,
      wageMaxVnd: 12_000_000,
      shifts: ['day'],
      minExperienceYears: 1,
      deadline: '2026-12-31',
    },
  },
});
