import http from 'node:http';
import https from 'node:https';
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
  const post = poster(new URL(options.url), headers, options.timeoutMs);
  return {
    async send(to, text) {
      let status: number;
      try {
        status = await post(body({ to, text }));
      } catch (error) {
        throw channelError('sms', `gateway unreachable (${(error as Error).name})`, true);
      }
      if (status >= 500 || status === 429) throw channelError('sms', `gateway answered ${status}`, true);
      if (status < 200 || status >= 300) throw channelError('sms', `gateway refused the message (${status})`, false);
    },
  };
}

/**
 * POSTs a body and answers the status, the whole exchange within `timeoutMs`
 * (else a `TimeoutError`). Node's http client over kept-alive connections:
 * fetch (undici, web streams, an AbortSignal per call) cost several times
 * its CPU per message at a batch's pace.
 */
function poster(url: URL, headers: Record<string, string>, timeoutMs: number): (payload: string) => Promise<number> {
  const client = url.protocol === 'https:' ? https : http;
  const agent = new client.Agent({ keepAlive: true });
  return (payload) =>
    new Promise((resolve, reject) => {
      const request = client.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(payload) } }, (response) => {
        response.on('error', reject);
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.resume();
      });
      const timer = setTimeout(() => request.destroy(Object.assign(new Error(`no answer in ${timeoutMs} ms`), { name: 'TimeoutError' })), timeoutMs);
      request.on('error', reject);
      request.on('close', () => clearTimeout(timer));
      request.end(payload);
    });
}
