import addressparser from 'nodemailer/lib/addressparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Email } from './email-sender.js';

/** A message as nodemailer sends it untouched: the SMTP envelope and the whole RFC 5322 text (its Message-ID also given, so nodemailer makes up none). */
export interface ComposedEmail {
  envelope: { from: string; to: string[] };
  messageId: string;
  raw: string;
}

// Stand-ins the composed text carries where each email's own values go; only ever looked for in the header.
const TO = 'ketnoi-recipient@placeholder.invalid';
const MESSAGE_ID = '<ketnoi-message-id@placeholder.invalid>';
const EPOCH = new Date(0);
// How nodemailer writes a Date header (mime-node).
const dateHeader = (at: Date) => `Date: ${at.toUTCString().replace(/GMT/, '+0000')}`;
// Values that go into a header as they are: nodemailer would neither quote nor encode them, nor fold the line.
const PLAIN_ADDRESS = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}$/;
const PLAIN_MESSAGE_ID = /^<[A-Za-z0-9._-]{1,64}@[A-Za-z0-9.-]{1,190}>$/;

interface Template {
  head: string;
  body: string;
}

async function composeTemplate(from: string, { subject, text, html }: Email): Promise<Template> {
  const raw = (await new MailComposer({ from, to: TO, messageId: MESSAGE_ID, date: EPOCH, subject, text, html }).compile().build()).toString();
  const end = raw.indexOf('\r\n\r\n');
  return { head: raw.slice(0, end), body: raw.slice(end) };
}

/**
 * Builds emails for nodemailer's `raw` option, the MIME text of a content
 * composed once: a vacancy's message goes to all its workers of a language
 * in the same words, and nodemailer's building of it (headers, address
 * parsing, quoted-printable text and HTML, streams) was most of its CPU per
 * email (≈1.1 ms). nodemailer composes it (`MailComposer`, as `sendMail`
 * would) with stand-ins for the recipient, the Message-ID and the date, and
 * each email is that text with its own three values put into the header;
 * the envelope is given, so no address is parsed either. An address or
 * Message-ID that nodemailer would quote or encode gets `null`: sent the
 * ordinary way. The last `size` contents are kept.
 */
export function emailComposer(from: string, { size = 100, now = () => new Date() } = {}): (email: Email) => Promise<ComposedEmail | null> {
  const envelopeFrom = addressparser(from, { flatten: true })[0]?.address ?? from;
  const templates = new Map<string, Promise<Template>>();
  return async (email) => {
    if (!PLAIN_ADDRESS.test(email.to) || !PLAIN_MESSAGE_ID.test(email.messageId)) return null;
    const key = `${email.subject}\u0000${email.text}\u0000${email.html}`;
    let template = templates.get(key);
    if (!template) {
      template = composeTemplate(from, email);
      // A failed composition is not kept.
      template.catch(() => templates.delete(key));
      templates.set(key, template);
      if (templates.size > size) templates.delete(templates.keys().next().value!);
    }
    const { head, body } = await template;
    const header = head
      .replace(`To: ${TO}`, () => `To: ${email.to}`)
      .replace(`Message-ID: ${MESSAGE_ID}`, () => `Message-ID: ${email.messageId}`)
      .replace(dateHeader(EPOCH), () => dateHeader(now()));
    return { envelope: { from: envelopeFrom, to: [email.to] }, messageId: email.messageId, raw: header + body };
  };
}
