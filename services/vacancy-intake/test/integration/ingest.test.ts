import { dlqTopicName, ingestVacanciesTopic, vacanciesTopic } from '@ketnoi/contracts';
import { createKafka, EventPublisher } from '@ketnoi/messaging';
import { readTopic, testKafka, testLogger, waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { aVacancyInput } from '../mothers.js';
import { bearer, readEvents, registerEmployer, startService, type TestService } from '../helpers.js';

describe('ingest.vacancies.v1', () => {
  let service: TestService;
  let publisher: EventPublisher;
  let taxCode: string;

  beforeAll(async () => {
    service = await startService();
    const employerId = await registerEmployer(service);
    taxCode = (await service.app.inject({ method: 'GET', url: `/v1/employers/${employerId}`, headers: bearer(await service.staffToken()) })).json<{ taxCode: string }>().taxCode;
    const kafka = createKafka({ brokers: inject('infra').kafkaBrokers, clientId: 'park-board', logger: testLogger() });
    publisher = new EventPublisher({ kafka, source: '/park-board/yen-binh', logger: testLogger(), topicName: service.topic });
    await publisher.connect();
    await waitFor(async () => (await service.app.inject({ method: 'GET', url: '/health/ready' })).statusCode === 200, { what: 'consumer ready' });
  });
  afterAll(async () => {
    await publisher?.disconnect();
    await service?.close();
  });

  const submit = (externalRef: string, terms: object, employerTaxCode = taxCode) =>
    publisher.publish(ingestVacanciesTopic, [{ type: 'vacancy.submitted', subject: externalRef, data: { externalRef, employerTaxCode, terms: terms as never } }]);

  it('opens a vacancy from a submission; a resubmission updates it and a near-identical posting merges into it', async () => {
    await submit('yb-001', aVacancyInput({ title: 'Công nhân lắp ráp điện thoại', positions: 30 }));
    await submit('yb-001', aVacancyInput({ title: 'Công nhân lắp ráp điện thoại', positions: 30 }));
    await submit('yb-001', aVacancyInput({ title: 'Công nhân lắp ráp điện thoại', positions: 35 }));
    const topic = await readEvents(service, vacanciesTopic.name);
    await topic.waitFor(2);
    // Another key may land on another partition: send it once the first posting is in.
    await submit('yb-002', aVacancyInput({ title: 'TUYỂN GẤP công nhân lắp ráp điện thoại', positions: 50 }));
    const events = await topic.waitFor(3);
    await topic.reader.stop();
    expect(events.map((e) => [e.type, e.data.version, (e.data.terms as { positions: number }).positions])).toEqual([
      ['vacancy.opened', 1, 30],
      ['vacancy.updated', 2, 35],
      ['vacancy.updated', 3, 50],
    ]);
    expect(new Set(events.map((e) => e.subject)).size).toBe(1);
  });

  it('dead-letters a submission the rules refuse, with the reason', async () => {
    await submit('yb-bad-1', aVacancyInput({ title: 'Chỉ tuyển nữ' }));
    await submit('yb-bad-2', aVacancyInput(), '0100109106');
    // A field the contract does not know is refused, not dropped (the publisher would refuse to send it: go raw).
    const raw = testKafka().producer();
    await raw.connect();
    const event = { specversion: '1.0', id: 'raw-1', source: '/park-board/raw', type: 'vacancy.submitted', time: new Date().toISOString(), subject: 'yb-bad-3', data: { externalRef: 'yb-bad-3', employerTaxCode: taxCode, terms: { ...aVacancyInput(), gender: 'female' } } };
    await raw.send({ topic: service.topic(ingestVacanciesTopic.name), messages: [{ key: 'yb-bad-3', value: JSON.stringify(event) }] });
    await raw.disconnect();

    const dlq = await readTopic(testKafka(), dlqTopicName(service.topic(ingestVacanciesTopic.name)));
    await dlq.waitForCount(3);
    await dlq.stop();
    const reasons = Object.fromEntries(dlq.messages.map((m) => [m.key, `${m.headers['ketnoi-dlq-code']} ${m.headers['ketnoi-dlq-reason']}`]));
    expect(reasons['yb-bad-1']).toMatch(/HANDLER_FAILED.*DISCRIMINATORY_REQUIREMENT/);
    expect(reasons['yb-bad-2']).toMatch(/EMPLOYER_UNKNOWN/);
    expect(reasons['yb-bad-3']).toMatch(/SCHEMA_MISMATCH.*gender/);
  });
});
