import { randomBytes } from 'node:crypto';

/** A name no other test (or earlier run) uses: for topics, groups and databases. */
export const uniqueName = (prefix = 't'): string =>
  `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
