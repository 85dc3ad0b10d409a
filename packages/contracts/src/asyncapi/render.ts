import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildAsyncApi } from './build-asyncapi.js';

const packageDir = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(`${packageDir}package.json`, 'utf8')) as { version: string };

/** Where the committed AsyncAPI document lives (repository `docs/`). */
export const asyncApiPath = fileURLToPath(new URL('../../../../docs/asyncapi.json', import.meta.url));

export const renderAsyncApi = (): string => `${JSON.stringify(buildAsyncApi(pkg.version), null, 2)}\n`;
