import { createHash } from 'node:crypto';

/**
 * The email Message-ID of one notification (`<key>:email`): the same on every
 * try, so a message sent again after a crash can be recognised as the same one
 * by a relay or a mail client. Hashed: a key's characters (`:`) are not
 * allowed in a Message-ID. The domain is the sender's.
 */
export function emailMessageId(notificationId: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'ketnoi.local';
  return `<${createHash('sha256').update(notificationId).digest('hex').slice(0, 40)}@${domain}>`;
}
