import { jobVariables, type JobVariables } from './job-variables.js';
import type { JobSummary, Language } from './types.js';

/** How many jobs the digest's SMS names; the email and the inbox list them all. */
export const SMS_DIGEST_JOBS = 3;

export const DIGEST_TEMPLATE = 'match-digest';

/** The variables of the digest message: every job, the first few for the SMS, and how many more there are. */
export const digestVariables = (jobs: JobSummary[], language: Language) => {
  const all = jobs.map((job) => jobVariables(job, language));
  return { count: all.length, jobs: all, top: all.slice(0, SMS_DIGEST_JOBS), more: Math.max(0, all.length - SMS_DIGEST_JOBS) };
};
export type DigestVariables = ReturnType<typeof digestVariables>;

const probeJob: JobVariables = { title: 't', employer: 'e', wage: 'w', deadline: 'd', place: 'p' };
export const digestProbe: DigestVariables = { count: 1, jobs: [probeJob], top: [probeJob], more: 1 };
