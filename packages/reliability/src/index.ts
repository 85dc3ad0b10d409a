export { fuzzService, parseJunit, parseSummary, schemathesisCommand, type FuzzFailure, type FuzzOptions, type FuzzReport } from './schemathesis.js';
