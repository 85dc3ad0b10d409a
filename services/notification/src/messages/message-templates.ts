import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { JobVariables } from '../domain/job-variables.js';
import type { Language } from '../domain/types.js';

export const messageParts = ['subject', 'sms', 'text', 'html'] as const;
export type MessagePart = (typeof messageParts)[number];
export type RenderedMessage = Record<MessagePart, string>;
export type RenderMessage<V> = (language: Language, variables: V) => RenderedMessage;

const languages: Language[] = ['vi', 'en'];
const defaultDir = fileURLToPath(new URL('../templates/', import.meta.url));

/** A variable set with every field present, to prove at start that each template names only known variables. */
const jobProbe: JobVariables = { title: 't', employer: 'e', wage: 'w', deadline: 'd', place: 'p' };

type Compiled<V> = (variables: V) => string;

function compile<V>(file: string, part: MessagePart): Compiled<V> {
  const source = readFileSync(file, 'utf8');
  // strict: a name the variables lack throws instead of rendering a blank into an SMS.
  const template = Handlebars.compile<V>(source, { strict: true, noEscape: part !== 'html' });
  return (variables) => template(variables).trim();
}

/**
 * The templates of one message, one file per language and part
 * (`<message>.<language>.<part>.hbs`), compiled and checked once at start
 * against `probe` (every variable present, lists with one element): a missing
 * file or an unknown variable stops the service.
 */
export function loadMessage<V extends object = JobVariables>(message: string, dir = defaultDir, probe: V = jobProbe as V): RenderMessage<V> {
  const compiled = new Map<string, Compiled<V>>();
  for (const language of languages) {
    for (const part of messageParts) {
      const render = compile<V>(`${dir}${message}.${language}.${part}.hbs`, part);
      render(probe);
      compiled.set(`${language}.${part}`, render);
    }
  }
  return (language, variables) =>
    Object.fromEntries(messageParts.map((part) => [part, compiled.get(`${language}.${part}`)!(variables)])) as RenderedMessage;
}
