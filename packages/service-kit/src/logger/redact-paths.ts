// Keys that carry a person's data (Decree 13/2023 on personal data) or a
// secret. They are redacted at the top level and up to two levels deep.
const personalKeys = [
  'fullName',
  'name',
  'firstName',
  'lastName',
  'phone',
  'phoneNumber',
  'email',
  'citizenId',
  'cccd',
  'address',
  'dateOfBirth',
  'birthDate',
];
const secretKeys = ['password', 'secret', 'token', 'apiKey', 'accessToken', 'refreshToken'];

const atAnyDepth = (key: string): string[] => [key, `*.${key}`, `*.*.${key}`];

export const redactPaths: string[] = [
  ...[...personalKeys, ...secretKeys].flatMap(atAnyDepth),
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-api-key"]',
  '*.headers.authorization',
  '*.headers["x-api-key"]',
];

export const REDACTED = '[redacted]';
