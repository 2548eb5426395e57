/**
 * The kinds of environment a link or an Open Recent entry can name, and the names and IDs that
 * identify one. Plain data and checks (no vscode), so the link format is tested in plain Node.
 * Each kind's label, keys and words are its own (src/kinds/<kind>.ts); this checks a reference against them.
 */
import { quoteValue } from '../aws/quoteValue';
import { validateRegion } from '../aws/validation';
import { REF_KEYS, TARGETS, type EnvRef, type KindSpec, type RefKey, type FieldRule, type TargetKind } from '../kinds/index';

export { FIELD_RULES, REF_KEYS, type DisplayNames, type EnvRef, type FieldRule, type KindSpec, type RefKey } from '../kinds/index';

/** Kind names, a contract: links carry them (docs/architecture.md, "Names"); the target kinds, in their order. */
export const ENV_KINDS = Object.keys(TARGETS) as readonly TargetKind[];
export type EnvKind = TargetKind;

/** What a link says of each kind: its label, its keys, the environment in words. */
export const KIND_SPECS: Readonly<Record<EnvKind, KindSpec>> = TARGETS;

export function isEnvKind(v: unknown): v is EnvKind {
  return typeof v === 'string' && (ENV_KINDS as readonly string[]).includes(v);
}

const compiled = new Map<string, RegExp>();
function matches(rule: FieldRule, v: string): boolean {
  let re = compiled.get(rule.pattern);
  if (!re) {
    re = new RegExp(`^(?:${rule.pattern})$`);
    compiled.set(rule.pattern, re);
  }
  return re.test(v);
}

/** A key's value against its API field's length and pattern; a message naming both, or undefined. */
export function checkKey(key: RefKey, rule: FieldRule, v: string | undefined): string | undefined {
  if (v === undefined || v === '') {
    return `it has no "${key}" (the ${rule.field}).`;
  }
  if (v.length < rule.min || v.length > rule.max) {
    return `its "${key}" is ${v.length} characters long; a ${rule.field} has ${rule.min} to ${rule.max}.`;
  }
  if (!matches(rule, v)) {
    return `its "${key}" ${quoteValue(v)} is not a valid ${rule.field} (it must match ${rule.pattern}).`;
  }
  return undefined;
}

/** Checks a whole reference: kind, region, exactly the kind's keys, each valid; an ARN in the same region. */
export function checkRef(ref: { kind?: unknown; region?: unknown } & { [K in RefKey]?: unknown }): string | undefined {
  if (ref.kind === undefined || ref.kind === '') {
    return `it names no kind; expected kind=${ENV_KINDS.join('|')}.`;
  }
  if (!isEnvKind(ref.kind)) {
    return `it names an unknown kind ${quoteValue(ref.kind)}; known kinds: ${ENV_KINDS.join(', ')}.`;
  }
  const regionProblem = validateRegion(ref.region);
  if (regionProblem !== undefined) {
    return `its region is not valid: ${regionProblem}`;
  }
  const spec = KIND_SPECS[ref.kind];
  for (const key of REF_KEYS) {
    const rule = spec.keys[key];
    const v = ref[key];
    if (!rule) {
      if (v !== undefined) {
        return `a ${spec.label.toLowerCase()} link has no "${key}".`;
      }
      continue;
    }
    if (v !== undefined && typeof v !== 'string') {
      return `its "${key}" is not text.`;
    }
    const problem = checkKey(key, rule, v);
    if (problem) {
      return problem;
    }
  }
  if (typeof ref.arn === 'string') {
    const arnRegion = ref.arn.split(':')[3];
    if (arnRegion !== ref.region) {
      return `its arn is in region ${quoteValue(arnRegion ?? '')} but the link says region ${String(ref.region)}.`;
    }
  }
  return undefined;
}

/** Same kind, region and keys: the same environment. */
export function refKey(ref: EnvRef): string {
  return JSON.stringify([ref.kind, ref.region, ...REF_KEYS.map((k) => ref[k] ?? null)]);
}

/** Only the fields a reference is made of, in a fixed order (drops anything else an object carries). */
export function cleanRef(ref: EnvRef): EnvRef {
  const out: Record<string, string> = { kind: ref.kind, region: ref.region };
  for (const k of REF_KEYS) {
    const v = ref[k];
    if (v !== undefined) {
      out[k] = v;
    }
  }
  return out as unknown as EnvRef;
}
