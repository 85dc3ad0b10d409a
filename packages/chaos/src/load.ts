import { ingestWorkersTopic } from '@ketnoi/contracts';
import { employerAt, vacancyAt, employerPicker, vietnamToday, workerAt, type DemoWorker } from '@ketnoi/demo';
import { buildEvent } from '@ketnoi/messaging';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { callUntilFinal } from './http.js';
import type { Ledger } from './ledger.js';

export interface LoadOptions {
  seed: number;
  kafkaBrokers: readonly string[];
  /** Physical name of `ingest.workers.v1` in the system under test. */
  ingestTopic: string;
  vacancyIntakeUrl: string;
  registrationUrl: string;
  staffToken: string;
  ledger: Ledger;
  /** How long an input is retried (with the same id or Idempotency-Key) before its outcome is left unknown. */
  retryForMs: number;
}

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));
const SOURCE = '/ketnoi/chaos';

/**
 * The load of a chaos run, from `@ketnoi/demo`'s generators: workers published
 * on ingest.workers.v1 (counted once Kafka acknowledges them with acks=all),
 * employers, vacancies and hires over vacancy-intake's HTTP API (counted on
 * 2xx), each retried through the faults with the same event id or
 * Idempotency-Key, as a careful client does.
 */
export class Load {
  private readonly kafka: Kafka;
  private producer: Producer | null = null;
  private readonly employers: { employerId: string; index: number }[] = [];

  get brokers(): readonly string[] {
    return this.options.kafkaBrokers;
  }

  constructor(private readonly options: LoadOptions) {
    this.kafka = new Kafka({ clientId: `chaos-load-${options.seed}`, brokers: [...options.kafkaBrokers], logLevel: logLevel.NOTHING, retry: { retries: 2 } });
  }

  private async produce(worker: DemoWorker): Promise<boolean> {
    const event = buildEvent(ingestWorkersTopic, { type: 'worker.registered', id: `chaos-${this.options.seed}-worker-${worker.index}`, subject: worker.externalRef, data: { externalRef: worker.externalRef, profile: worker.profile } }, SOURCE);
    const message = { key: worker.externalRef, value: JSON.stringify(event) };
    const deadline = Date.now() + this.options.retryForMs;
    while (Date.now() < deadline) {
      try {
        this.producer ??= this.kafka.producer({ allowAutoTopicCreation: false });
        await this.producer.connect();
        await this.producer.send({ topic: this.options.ingestTopic, acks: -1, timeout: 10_000, messages: [message] });
        return true;
      } catch {
        await this.producer?.disconnect().catch(() => undefined);
        this.producer = null;
        await wait(1_000);
      }
    }
    return false;
  }

  /** Publishes worker `index`; records it as accepted once acknowledged. */
  async publishWorker(index: number): Promise<DemoWorker> {
    const worker = workerAt(this.options.seed, index);
    if (await this.produce(worker)) {
      this.options.ledger.workers.set(worker.profile.citizenId, { externalRef: worker.externalRef, email: worker.profile.email, phone: worker.profile.phone });
    } else {
      this.options.ledger.workersUnacknowledged += 1;
    }
    return worker;
  }

  /** The worker id registration gave a citizen-ID, once it has one. */
  async workerIdOf(citizenId: string): Promise<string[] | null> {
    const answer = await callUntilFinal(`${this.options.registrationUrl}/v1/workers?cccd=${citizenId}`, { token: this.options.staffToken }, Date.now() + 10_000);
    if (answer?.status !== 200) return null;
    return (answer.body.items as { workerId: string }[]).map((item) => item.workerId);
  }

  async registerEmployers(count: number): Promise<void> {
    for (let index = 0; index < count; index += 1) {
      const { body } = employerAt(this.options.seed, index);
      const answer = await callUntilFinal(`${this.options.vacancyIntakeUrl}/v1/employers`, { method: 'POST', token: this.options.staffToken, body }, Date.now() + this.options.retryForMs);
      const id = answer?.status === 201 ? answer.body.employerId : (answer?.body.details as { employerId?: string } | undefined)?.employerId;
      if (typeof id !== 'string') throw new Error(`registering employer ${index} failed: ${answer?.status} ${JSON.stringify(answer?.body)}`);
      this.employers.push({ employerId: id, index });
      this.options.ledger.employers.set(body.taxCode, id);
    }
  }

  /** Posts vacancy `index` as staff for its employer, with its reference as Idempotency-Key. */
  async postVacancy(index: number): Promise<void> {
    const demoEmployers = this.employers.map((e) => employerAt(this.options.seed, e.index));
    const vacancy = vacancyAt(this.options.seed, index, vietnamToday(), employerPicker(demoEmployers));
    const employerId = this.employers[vacancy.employerIndex]!.employerId;
    const key = `chaos-${vacancy.reference}`;
    const answer = await callUntilFinal(
      `${this.options.vacancyIntakeUrl}/v1/vacancies`,
      { method: 'POST', token: this.options.staffToken, body: { ...vacancy.terms, employerId }, headers: { 'idempotency-key': key } },
      Date.now() + this.options.retryForMs,
    );
    const { ledger } = this.options;
    if (answer === null) ledger.vacanciesUnknown += 1;
    else if (answer.status >= 200 && answer.status < 300) {
      const entry = ledger.vacancies.get(key) ?? { vacancyIds: new Set<string>(), positions: Number(vacancy.terms.positions ?? 1) };
      entry.vacancyIds.add(String(answer.body.vacancyId));
      ledger.vacancies.set(key, entry);
    } else ledger.vacanciesRejected.push({ key, status: answer.status, code: String(answer.body.code ?? '') });
  }

  /** Records a hire of `workerId` on `vacancyId` as staff. */
  async hire(vacancyId: string, workerId: string): Promise<void> {
    const key = `chaos-hire-${vacancyId}-${workerId}`;
    const answer = await callUntilFinal(
      `${this.options.vacancyIntakeUrl}/v1/vacancies/${vacancyId}/hires`,
      { method: 'POST', token: this.options.staffToken, body: { workerId }, headers: { 'idempotency-key': key } },
      Date.now() + this.options.retryForMs,
    );
    const { ledger } = this.options;
    if (answer === null) ledger.hiresUnknown.push({ vacancyId, workerId });
    else if (answer.status >= 200 && answer.status < 300) ledger.hires.set(key, { vacancyId, workerId });
    else ledger.hiresRejected.push({ key, status: answer.status, code: String(answer.body.code ?? '') });
  }

  async close(): Promise<void> {
    await this.producer?.disconnect().catch(() => undefined);
  }
}
