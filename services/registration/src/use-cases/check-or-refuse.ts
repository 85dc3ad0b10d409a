import { validationError } from '@ketnoi/errors';
import { checkProfile, type CheckedProfile } from '../domain/validate-profile.js';
import type { WorkerProfile } from '../domain/types.js';
import { today, type RegistrationDeps } from './deps.js';

/** The checked profile, or a 400 naming each field that failed (never echoing a value). */
export function checkOrRefuse(deps: RegistrationDeps, profile: WorkerProfile): CheckedProfile {
  const checked = checkProfile(profile, deps.refs, today(deps));
  if (!checked.ok) {
    const summary = checked.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw validationError(`The worker profile is not valid: ${summary}`, { details: { issues: checked.issues } });
  }
  return checked.value;
}
