import type { TopicDefinition } from '../define.js';
import { dlqTopicName } from '../define.js';
import { topics } from '../topics/registry.js';
import { deadLetterHeaders } from './dead-letter.js';
import { toJsonSchema } from './json-schema.js';

type Json = Record<string, unknown>;

const channelId = (topic: string) => topic.replace(/[^A-Za-z0-9]+/g, '-');

const kafkaHeaders = {
  type: 'object',
  properties: {
    traceparent: { type: 'string', description: 'W3C trace context of the producing span' },
    tracestate: { type: 'string' },
  },
};

function channelFor(topic: TopicDefinition): Json {
  const messages: Json = {};
  for (const event of topic.events) {
    messages[event.type] = {
      name: event.type,
      title: event.type,
      summary: event.summary,
      contentType: 'application/json',
      headers: kafkaHeaders,
      payload: toJsonSchema(event.envelope),
      bindings: { kafka: { key: { type: 'string', description: `the ${topic.key}` }, bindingVersion: '0.5.0' } },
    };
  }
  return {
    address: topic.name,
    title: topic.name,
    description: topic.description,
    messages,
    'x-personal-data': topic.personalData,
    'x-key': topic.key,
    bindings: {
      kafka: {
        topic: topic.name,
        partitions: topic.partitions,
        topicConfiguration: {
          'cleanup.policy': [topic.cleanupPolicy],
          'retention.ms': topic.retentionMs,
        },
        bindingVersion: '0.5.0',
      },
    },
  };
}

function deadLetterChannelFor(topic: TopicDefinition): Json {
  const headerProps = Object.fromEntries(
    Object.entries(deadLetterHeaders).map(([name, description]) => [name, { type: 'string', description }]),
  );
  return {
    address: dlqTopicName(topic.name),
    title: dlqTopicName(topic.name),
    description: `Messages of ${topic.name} that a consumer rejected, unchanged, with the reason in headers.`,
    'x-personal-data': topic.personalData,
    messages: {
      'dead-letter': {
        name: 'dead-letter',
        summary: 'The original message bytes and headers, plus the rejection headers',
        headers: { type: 'object', properties: { ...headerProps, ...kafkaHeaders.properties } },
        payload: { description: 'The original message value, as received (may not be JSON)' },
      },
    },
  };
}

function operationsFor(topic: TopicDefinition, id: string): Json {
  const ref = { $ref: `#/channels/${id}` };
  const messages = topic.events.map((e) => ({ $ref: `#/channels/${id}/messages/${e.type}` }));
  const ops: Json = {
    [`${topic.producer}-sends-${id}`]: { action: 'send', channel: ref, messages, summary: `${topic.producer} publishes` },
  };
  for (const consumer of topic.consumers) {
    ops[`${consumer}-receives-${id}`] = { action: 'receive', channel: ref, messages, summary: `${consumer} consumes` };
  }
  return ops;
}

/** The AsyncAPI 3 document of every KetNoi topic, made from the zod contracts. */
export function buildAsyncApi(version: string): Json {
  const channels: Json = {};
  let operations: Json = {};
  for (const topic of topics as readonly TopicDefinition[]) {
    const id = channelId(topic.name);
    channels[id] = channelFor(topic);
    operations = { ...operations, ...operationsFor(topic, id) };
    if (topic.consumers.length > 0) channels[channelId(dlqTopicName(topic.name))] = deadLetterChannelFor(topic);
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'KetNoi events',
      version,
      description:
        'Every Kafka topic of KetNoi. Messages are CloudEvents 1.0 in structured JSON mode; the Kafka key is the ' +
        'aggregate id (also the CloudEvents subject); W3C traceparent travels in a Kafka header. Topics marked ' +
        'x-personal-data carry personal data and are consumed only by the services listed.',
    },
    defaultContentType: 'application/json',
    servers: {
      local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'The local broker started by infra/' },
    },
    channels,
    operations,
  };
}
