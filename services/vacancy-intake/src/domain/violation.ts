import { KetNoiError } from '@ketnoi/errors';

/** A business rule a vacancy or employer breaks; `field` is a path in the submitted terms. */
export interface Violation {
  field: string;
  code: string;
  message: string;
}

export const violation = (field: string, code: string, message: string): Violation => ({ field, code, message });

/** 422: the request is well-formed but breaks the rules in `violations`. */
export const rulesBroken = (what: string, violations: readonly Violation[]): KetNoiError =>
  new KetNoiError('RULES_VIOLATED', `${what}: ${violations.map((v) => `${v.field}: ${v.message}`).join('; ')}`, {
    status: 422,
    details: { violations },
  });
