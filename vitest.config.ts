import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Tests import workspace packages from their TypeScript sources, so no build
// is needed between an edit and a test run.
const root = import.meta.dirname;
const alias: Record<string, string> = {};
for (const group of ['packages', 'services']) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir)) {
    const manifest = join(dir, name, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string };
    alias[pkg.name] = resolve(dir, name, 'src/index.ts');
  }
}

const unit = ['{packages,services}/*/test/unit/**/*.test.ts'];
const integration = ['{packages,services}/*/test/integration/**/*.test.ts'];
const chaos = ['packages/*/test/chaos/**/*.test.ts'];

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ['default', './scripts/plain-summary-reporter.ts'],
    // kafkajs 2.2.4 schedules a negative timeout that Node 24 warns about; harmless.
    execArgv: ['--disable-warning=TimeoutNegativeWarning'],
    projects: [
      // Property tests run hundreds of cases; on a loaded 2-core machine some take over vitest's default 5 s.
      { extends: true, test: { name: 'unit', include: unit, testTimeout: 30_000 } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: integration,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['packages/testing/src/global-setup.ts'],
        },
      },
      // Kills services, the Kafka broker and FerretDB: never part of `pnpm test` (`pnpm test:chaos`).
      {
        extends: true,
        test: {
          name: 'chaos',
          include: chaos,
          testTimeout: 1_800_000,
          hookTimeout: 300_000,
          globalSetup: ['packages/testing/src/global-setup.ts'],
        },
      },
    ],
  },
});
