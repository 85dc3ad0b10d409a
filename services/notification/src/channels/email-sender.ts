import nodemailer from 'nodemailer';
import { channelError } from './channel-error.js';
import { emailComposer } from './email-composer.js';

export interface Email {
  /** `<…@domain>`, the same for every try of one notification (see domain/message-id.ts). */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface EmailSender {
  send(email: Email): Promise<void>;
  close(): void;
}

/** Connection problems and 4xx SMTP replies are worth another try; 5xx replies are final. */
const retriableSmtp = (error: { responseCode?: number; code?: string }): boolean =>
  error.responseCode === undefined ? true : error.responseCode < 500;

/**
 * Email over SMTP (nodemailer), with an HTML and a plain-text part, over a
 * small pool of kept-open connections (a new connection per message cost
 * ≈150 ms in the bench). Timeouts turn a hung server into a retriable failure
 * instead of a stuck consumer. A content is composed once for all its
 * recipients (email-composer.ts).
 */
export function smtpEmailSender(url: string, from: string): EmailSender {
  const transport = nodemailer.createTransport({ url, pool: true, maxConnections: 3, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  const compose = emailComposer(from);
  return {
    async send(email) {
      try {
        await transport.sendMail((await compose(email)) ?? { from, ...email });
      } catch (error) {
        const smtp = error as { responseCode?: number; code?: string };
        throw channelError('email', `smtp ${smtp.responseCode ?? smtp.code ?? 'error'}`, retriableSmtp(smtp));
      }
    },
    close: () => transport.close(),
  };
}
