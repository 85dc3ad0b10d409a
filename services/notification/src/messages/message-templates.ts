import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { JobVariables } from '../domain/job-variables.js';
import type { Language } from '../domain/types.js';

export const messageParts = ['subject', 'sms', 'text', 'html'] as const;
export type MessagePart = (typeof messageParts)[number];
export type RenderedMessage = Record<MessagePart, string>;

const languages: Language[] = ['vi', 'en'];
const defaultDir = fileURLToPath(new URL('../templates/', import.meta.url));

/** A variable set with every field present, to prove at start that each template names only known variables. */
const probe: JobVariables = { title: 't', employer: 'e', wage: 'w', deadline: 'd', place: 'p' };

type Compiled = (variables: JobVariables) => string;

function compile(file: string, part: MessagePart): Compiled {
  const source = readFileSync(file, 'utf8');
  // strict: a name the variables lack throws instead of rendering a blank into an SMS.
  const template = Handlebars.compile<JobVariables>(source, { strict: true, noEscape: part !== 'html' });
  return (variables) => template(variables).trim();
}

/**
 * The templates of one message, one file per language and part
 * (`<message>.<language>.<part>.hbs`), compiled and checked once at start:
 * a missing file or an unknown variable stops the service.
 */
export function loadMessage(message: string, dir = defaultDir): (language: Language, variables: JobVariables) => RenderedMessage {
  const compiled = new Map<string, Compiled>();
  for (const language of languages) {
    for (const part of messageParts) {
      const render = compile(`${dir}${message}.${language}.${part}.hbs`, part);
      render(probe);
      compiled.set(`${language}.${part}`, render);
    }
  }
  return (language, variables) =>
    Object.fromEntries(messageParts.map((part) => [part, compiled.get(`${language}.${part}`)!(variables)])) as RenderedMessage;
}
