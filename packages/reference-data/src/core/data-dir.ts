import { fileURLToPath } from 'node:url';

/** The lists shipped with the package: `data/` beside `src/` and `dist/`. */
export const PACKAGED_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
