/** Headers the messaging package puts on every dead-lettered message. */
export const deadLetterHeaders = {
  'ketnoi-dlq-reason': 'Why the message was rejected, in words',
  'ketnoi-dlq-code': 'Stable code of the rejection (e.g. INVALID_JSON, SCHEMA_MISMATCH, UNKNOWN_TYPE, HANDLER_FAILED, HANDLER_REFUSED)',
  'ketnoi-dlq-topic': 'Topic the message came from',
  'ketnoi-dlq-partition': 'Partition the message came from',
  'ketnoi-dlq-offset': 'Offset of the message in that partition',
  'ketnoi-dlq-group': 'Consumer group that rejected it',
  'ketnoi-dlq-at': 'When it was rejected (ISO 8601)',
} as const;
