/**
 * The argument checks of the access layer: a bad argument is an AwsError of kind 'validation'
 * before any call. Small and apart from ./core.ts, as ./urlLimits.ts (which the VS Code layer uses
 * at once) needs them too, without the client code.
 */
import { AwsError } from './errors';
import type { ListOptions } from './options';
import { validateName, type NamedField } from './requestValues';

export function check(message: string | undefined, operation?: string): void {
  if (message !== undefined) {
    throw new AwsError('validation', message, { operation });
  }
}

export function checkName(field: NamedField, v: unknown, operation?: string): void {
  check(validateName(field, v), operation);
}

export function checkMaxResults(o: ListOptions | undefined): void {
  const m = o?.maxResults;
  if (m !== undefined && (!Number.isInteger(m) || m < 1 || m > 100)) {
    throw new AwsError('validation', `maxResults must be a whole number from 1 to 100; got ${m}.`);
  }
}
