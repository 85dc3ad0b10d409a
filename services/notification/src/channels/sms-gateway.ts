import Handlebars from 'handlebars';
import { channelError } from './channel-error.js';

export interface SmsGatewayOptions {
  url: string;
  /** "Header-Name: value", sent with each request. */
  authHeader?: string | undefined;
  /** Handlebars template of the request body, with {{to}} and {{text}} (helper `json` quotes a value). */
  bodyTemplate: string;
  timeoutMs: number;
}

export interface SmsSender {
  send(to: string, text: string): Promise<void>;
}

const engine = Handlebars.create();
engine.registerHelper('json', (value: unknown) => JSON.stringify(value));

/**
 * A generic HTTP SMS gateway: one POST per message. A 5xx, a timeout or a
 * refused connection is retriable; a 4xx is final (the gateway will not take it).
 */
export function httpSmsGateway(options: SmsGatewayOptions): SmsSender {
  const body = engine.compile<{ to: string; text: string }>(options.bodyTemplate, { strict: true, noEscape: true });
  body({ to: '+84000000000', text: 'probe' });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.authHeader) {
    const at = options.authHeader.indexOf(':');
    headers[options.authHeader.slice(0, at).trim()] = options.authHeader.slice(at + 1).trim();
  }
  return {
    async send(to, text) {
      let response: Response;
      try {
        response = await fetch(options.url, { method: 'POST', headers, body: body({ to, text }), signal: AbortSignal.timeout(options.timeoutMs) });
      } catch (error) {
        throw channelError('sms', `gateway unreachable (${(error as Error).name})`, true);
      }
      await response.body?.cancel();
      if (response.status >= 500 || response.status === 429) throw channelError('sms', `gateway answered ${response.status}`, true);
      if (!response.ok) throw channelError('sms', `gateway refused the message (${response.status})`, false);
    },
  };
}
