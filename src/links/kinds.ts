/**
 * The kinds of environment a link or an Open Recent entry can name, and the names and IDs that
 * identify one. Plain data and checks (no vscode), so the link format is tested in plain Node.
 * A new kind is one entry in KIND_SPECS (and, in the VS Code layer, one in the resolvers).
 */
import { quoteValue } from '../aws/quoteValue';
import { validateRegion } from '../aws/validation';

/** Kind names, a contract: links carry them (docs/architecture.md, "Names"). */
export const ENV_KINDS = ['studio', 'space', 'notebook', 'mlflowTrackingServer', 'mlflowApp', 'partnerApp'] as const;
export type EnvKind = (typeof ENV_KINDS)[number];

/** The keys a link may carry besides kind and region, in the order a link lists them. */
export const REF_KEYS = ['domain', 'profile', 'space', 'name', 'arn'] as const;
export type RefKey = (typeof REF_KEYS)[number];

/** One environment, by names and IDs only: never a URL, a token or a secret. */
export type EnvRef = { readonly kind: EnvKind; readonly region: string } & { readonly [K in RefKey]?: string };

/**
 * An API input member a key stands for, with its constraints copied from the SageMaker API model
 * (test/reference/sagemaker-api-model.json; a unit test holds them against it).
 */
export interface FieldRule {
  readonly field: string;
  readonly min: number;
  readonly max: number;
  readonly pattern: string;
}

export const FIELD_RULES = {
  DomainId: { field: 'DomainId', min: 1, max: 63, pattern: 'd-(-*[a-z0-9]){1,61}' },
  UserProfileName: { field: 'UserProfileName', min: 1, max: 63, pattern: '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}' },
  SpaceName: { field: 'SpaceName', min: 1, max: 63, pattern: '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}' },
  NotebookInstanceName: { field: 'NotebookInstanceName', min: 1, max: 63, pattern: '[a-zA-Z0-9](-*[a-zA-Z0-9])*' },
  TrackingServerName: { field: 'TrackingServerName', min: 1, max: 256, pattern: '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}' },
  MlflowAppArn: { field: 'MlflowAppArn', min: 1, max: 128, pattern: 'arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:mlflow-app/.*' },
  PartnerAppArn: { field: 'PartnerAppArn', min: 1, max: 128, pattern: 'arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:partner-app\\/app-[A-Z0-9]{12}' },
} as const satisfies Record<string, FieldRule>;

export interface KindSpec {
  /** How the kind is named to the user: "Space", "MLflow tracking server"... */
  readonly label: string;
  /** The keys this kind needs (all required; no others allowed) and the API field each follows. */
  readonly keys: Partial<Record<RefKey, FieldRule>>;
  /** The environment in words, for prompts and messages. */
  describe(ref: EnvRef, names?: DisplayNames): string;
}

/** Names to show instead of IDs, where they are known (the tree knows them, a link does not). */
export interface DisplayNames {
  readonly domainName?: string;
  readonly displayName?: string;
}

const domainPart = (ref: EnvRef, n?: DisplayNames): string => (n?.domainName && n.domainName !== ref.domain ? `${n.domainName} (${ref.domain})` : `${ref.domain}`);

export const KIND_SPECS: Readonly<Record<EnvKind, KindSpec>> = {
  studio: {
    label: 'Studio',
    keys: { domain: FIELD_RULES.DomainId, profile: FIELD_RULES.UserProfileName },
    describe: (r, n) => `Studio for user profile ${r.profile} in domain ${domainPart(r, n)}`,
  },
  space: {
    label: 'Space',
    keys: { domain: FIELD_RULES.DomainId, profile: FIELD_RULES.UserProfileName, space: FIELD_RULES.SpaceName },
    describe: (r, n) =>
      `space ${n?.displayName && n.displayName !== r.space ? `${n.displayName} (${r.space})` : r.space} of user profile ${r.profile} in domain ${domainPart(r, n)}`,
  },
  notebook: {
    label: 'Notebook instance',
    keys: { name: FIELD_RULES.NotebookInstanceName },
    describe: (r) => `notebook instance ${r.name}`,
  },
  mlflowTrackingServer: {
    label: 'MLflow tracking server',
    keys: { name: FIELD_RULES.TrackingServerName },
    describe: (r) => `MLflow tracking server ${r.name}`,
  },
  mlflowApp: {
    label: 'MLflow app',
    keys: { arn: FIELD_RULES.MlflowAppArn },
    describe: (r, n) => `MLflow app ${n?.displayName ?? r.arn}`,
  },
  partnerApp: {
    label: 'Partner AI app',
    keys: { arn: FIELD_RULES.PartnerAppArn },
    describe: (r, n) => `partner AI app ${n?.displayName ?? r.arn}`,
  },
};

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
