// Writes docs/asyncapi.json from the zod contracts. A unit test fails while the
// committed file differs from what this writes.
import { writeFileSync } from 'node:fs';
import { asyncApiPath, renderAsyncApi } from '../src/asyncapi/render.js';

writeFileSync(asyncApiPath, renderAsyncApi());
console.log(`wrote ${asyncApiPath}`);
