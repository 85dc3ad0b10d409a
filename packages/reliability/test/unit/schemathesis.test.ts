import { describe, expect, it } from 'vitest';
import { parseJunit, parseSummary } from '../../src/index.js';

// Shapes of schemathesis 4.32 JUnit reports: one test case per operation,
// failures as <failure> with the reproduction text.
const report = `<?xml version="1.0" encoding="utf-8"?>
<testsuites errors="0" failures="2" skipped="0" tests="3" time="0.5">
  <testsuite name="schemathesis" hostname="vm" errors="0" failures="2" skipped="0" tests="3" time="0.5">
    <testcase name="GET /v1/vacancies" time="0.06" />
    <testcase name="POST /v1/employers" time="0.12">
      <failure type="failure" message="ST103">1. Test Case ID: 2ZGLjZ

- ST103 Undocumented status code &amp; more

    Received: 422</failure>
    </testcase>
    <testcase name="POST /v1/workers/import" time="0.2">
      <error type="error" message="ConnectionError" />
    </testcase>
  </testsuite>
</testsuites>`;

describe('schemathesis report', () => {
  it('lists every operation and every failure with its text', () => {
    const { operations, failures } = parseJunit(report);
    expect(operations).toBe(3);
    expect(failures).toEqual([
      { operation: 'POST /v1/employers', message: expect.stringContaining('ST103 Undocumented status code & more') },
      { operation: 'POST /v1/workers/import', message: 'ConnectionError' },
    ]);
  });

  it('reads a report without failures as none', () => {
    expect(parseJunit('<testsuites><testsuite><testcase name="GET /a" time="1" /></testsuite></testsuites>')).toEqual({ operations: 1, failures: [] });
  });

  it('reads the number of generated cases and the seed from the summary', () => {
    expect(parseSummary('Test cases:\n  2004 generated, 2004 passed\n\nSeed: 169966264670073581328139379844012600340\n')).toEqual({
      cases: 2004,
      seed: '169966264670073581328139379844012600340',
    });
    expect(parseSummary('nothing')).toEqual({ cases: 0 });
  });
});
