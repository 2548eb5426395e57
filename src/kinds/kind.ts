/**
 * What a kind of resource is, as data (plain Node, no vscode): the shapes each kind's own file
 * (src/kinds/<kind>.ts) fills in, for the last-known tree, links, Open Recent and the commands.
 *
 * "Kind" names two sets, mapped here once:
 * - a resource kind (`ResourceKinds`): a resource the tree shows as a row and the last-known tree
 *   keeps: domain, userProfile, space, notebook, mlflowTrackingServer, mlflowApp, partnerApp;
 * - a target kind (`TargetKinds`): what a URL is made for, which is also the `kind` of a link and
 *   of an Open Recent entry: studio, space, notebook, mlflowTrackingServer, mlflowApp, partnerApp.
 * A resource's row opens the target of the same name, except that a user profile's row opens
 * `studio` and a domain's opens nothing. The tree's node kinds (`TreeNodeKinds`,
 * src/tree/listing.ts) are the resource kinds plus rows that are no resource (region, group,
 * error, "Load more", loading, empty).
 */
import type { SageMakerAccess, UrlCall, WaitOptions } from '../aws/index';

/**
 * Every resource kind and its model type: each kind's file adds its own (declaration merging), so
 * the unions below need no import of the kinds' files.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the kinds' files
export interface ResourceKinds {}

/** Every target kind and what a URL for it needs: added to as ResourceKinds is. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the kinds' files
export interface TargetKinds {}

export type ResourceKind = keyof ResourceKinds;
export type TargetKind = keyof TargetKinds;

/** A row of the tree, as data: its kind and the resource it shows. */
export type RowData = { [K in ResourceKind]: { readonly kind: K; readonly data: ResourceKinds[K] } }[ResourceKind];

/** Something a presigned URL can be made for, with what the URL request needs. */
export type UrlTarget = TargetKinds[TargetKind];

/** What Copy ID / Copy ARN copies of a resource, and how messages name it. */
export interface CopyFields {
  readonly id: string;
  readonly arn?: string;
  readonly what: string;
}

/** How a field is kept in the last-known tree: text, a date, a space's app, or one of these words. */
export type FieldType = 'text' | 'date' | 'app' | readonly string[];

/** A resource kind: its name, the target its row opens, what the last-known tree keeps of it. */
export interface ResourceSpec<K extends ResourceKind> {
  readonly kind: K;
  /** How its rows are named to the user ("Studio domain", "User profile"…): Copy ID's "Copy from" pick. */
  readonly label: string;
  /** The target kind its row opens (a user profile's is `studio`); none for a row that opens nothing (a domain's). */
  readonly opens?: TargetKind;
  /** The fields kept; `true`: the row is unusable without it. Nothing else is written (never a URL). */
  readonly stored: { readonly [F in keyof ResourceKinds[K] & string]?: readonly [FieldType, boolean] };
}

/** The keys a link may carry besides kind and region, in the order a link lists them. */
export const REF_KEYS = ['domain', 'profile', 'space', 'name', 'arn'] as const;
export type RefKey = (typeof REF_KEYS)[number];

/** One environment, by names and IDs only: never a URL, a token or a secret. */
export type EnvRef = { readonly kind: TargetKind; readonly region: string } & { readonly [K in RefKey]?: string };

/** Names to show instead of IDs, where they are known (the tree knows them, a link does not). */
export interface DisplayNames {
  readonly domainName?: string;
  readonly displayName?: string;
}

/** A reference and the names to show for it. */
export interface NamedRef {
  readonly ref: EnvRef;
  readonly names: DisplayNames;
}

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

/** What a link and Open Recent say of a kind: its name, its keys, the environment in words. */
export interface KindSpec {
  /** How the kind is named to the user: "Space", "MLflow tracking server"... */
  readonly label: string;
  /** The keys this kind needs (all required; no others allowed) and the API field each follows. */
  readonly keys: Partial<Record<RefKey, FieldRule>>;
  /** The environment in words, for prompts and messages. */
  describe(ref: EnvRef, names?: DisplayNames): string;
}

/** A target kind: its link, the reference it is kept as and back, its name in messages, its start and stop. */
export interface TargetSpec<K extends TargetKind> extends KindSpec {
  readonly kind: K;
  /** How a target is named in messages: 'Studio for alice (my-domain)', 'space x'... */
  name(t: TargetKinds[K]): string;
  /** The call its URL is made with: the presigning operation and the members naming it ("Copy as AWS CLI Command" writes it; src/aws/cli.ts). */
  urlCall(t: TargetKinds[K]): UrlCall;
  /** What Copy ID / Copy ARN copy of it, and how their messages name it. */
  copy(t: TargetKinds[K]): CopyFields;
  /** The reference a link and Open Recent keep of it. */
  toRef(t: TargetKinds[K]): NamedRef;
  /** The target a reference names, with the one lookup the kind needs (its cost noted where it is written). */
  fromRef(access: SageMakerAccess, ref: EnvRef, names: DisplayNames): Promise<TargetKinds[K]>;
  /** How it is started and stopped, for a kind that is. */
  readonly lifecycle?: Lifecycle<TargetKinds[K]>;
  /** How the palette offers it (src/commands/targets.ts). */
  readonly palette: PaletteSpec;
}

/**
 * The palette's words for a target kind: its item in "What to open" (its `label`, `about`, the
 * codicon `icon`); for a kind picked from a root group's list (`GroupSpec.opens`), the question
 * is titled with its `label`, and `select` is its placeholder.
 */
export interface PaletteSpec {
  readonly about: string;
  readonly icon: string;
  readonly select?: string;
}

/** How a target is started, stopped and waited on (a space's app, a notebook instance, a tracking server). */
export interface Lifecycle<T> {
  /** Running (InService, Started…): a URL for it opens something. */
  isRunning(t: T): boolean;
  /** Its state in SageMaker's words ('unknown' when not said). */
  state(t: T): string;
  /** The poller's key of its rows: while a command waits on it, the poller leaves it alone. */
  stateKey(t: T): string;
  /** What a start starts, when not the resource itself ("its app", a space's). */
  readonly starts?: string;
  /** The state it shows as soon as a start or stop is accepted. */
  readonly passing: { readonly start: string; readonly stop: string };
  /** The start or stop call. `instanceType`: a space's app is started on it (a restart keeps its own). */
  call(access: SageMakerAccess, t: T, action: 'start' | 'stop', instanceType?: string): Promise<void>;
  /** Waits until it runs or is stopped; the target in its end state. */
  wait(access: SageMakerAccess, t: T, until: 'running' | 'stopped', o: WaitOptions): Promise<T>;
  /** The target as a state seen while waiting says it (that state shows on its rows). */
  withState(t: T, status: string): T;
  /** Reads it again (one Describe). */
  read(access: SageMakerAccess, t: T): Promise<T>;
  /** Its state asked first, when it is not known yet (a space listed before its app state came in); undefined when known. */
  readUnknown?(access: SageMakerAccess, t: T): Promise<T> | undefined;
}
