/**
 * A presigned URL by its API operation: the one entry that makes any URL (`presignUrl`, dispatched
 * on the operation a kind's `urlCall` names, src/kinds/<kind>.ts), and what each operation says of
 * its URL: whether it works once, whether its lifetimes have limits of their own, where it lands
 * when no landing page is asked for. The commands ask these by operation and never name a kind.
 */
import type { UrlCall } from './cli';
import { AwsError } from './errors';
import type { PresignedUrl } from './model';
import type { MlflowPresigning, UrlLifetimes } from './mlflow';
import type { NotebookPresigning, NotebookUi } from './notebooks';
import type { PartnerAppPresigning } from './partnerApps';
import type { SpacePresigning } from './spaces';
import { PRESIGN_LIMITS, type PresignOperation } from './urlLimits';

/** The presigning operations, one per `UrlCall`. */
export type UrlOperation = UrlCall['operation'];

/**
 * What a URL takes besides the members naming what it is for; each operation uses those it takes:
 * a landing page only CreatePresignedDomainUrl, the Jupyter view only a notebook instance's URL
 * (default JupyterLab), no URL lifetime CreatePresignedNotebookInstanceUrl.
 */
export interface UrlCallOptions extends UrlLifetimes {
  readonly landingUri?: string;
  readonly ui?: NotebookUi;
}

/** A URL's call with its options: what `presignUrl` takes, and "Copy as AWS CLI Command" writes. */
export type UrlRequest = UrlCall & UrlCallOptions;

/** The part of SageMakerAccess that makes presigned URLs. */
export interface UrlAccess {
  /** Makes the URL of a request: its members checked, then one call, its operation's. */
  presignUrl(region: string, r: UrlRequest, signal?: AbortSignal): Promise<PresignedUrl>;
}

/** The families' presigners, each reached only through `presignUrl`. */
export type Presigning = SpacePresigning & NotebookPresigning & MlflowPresigning & PartnerAppPresigning;

type Presigner<Op extends UrlOperation> = (p: Presigning, region: string, r: UrlRequest & { readonly operation: Op }, signal?: AbortSignal) => Promise<PresignedUrl>;

/** Each operation's presigner; a new operation in `UrlCall` fails to compile here until it has one. */
const PRESIGNERS: { readonly [Op in UrlOperation]: Presigner<Op> } = {
  CreatePresignedDomainUrl: (p, region, r, signal) => p.presignDomainUrl(region, r, signal),
  CreatePresignedNotebookInstanceUrl: (p, region, r, signal) => p.presignNotebookUrl(region, { ...r, ui: r.ui ?? 'JupyterLab' }, signal),
  CreatePresignedMlflowTrackingServerUrl: (p, region, r, signal) => p.presignMlflowTrackingServerUrl(region, r, signal),
  CreatePresignedMlflowAppUrl: (p, region, r, signal) => p.presignMlflowAppUrl(region, r, signal),
  CreatePartnerAppPresignedUrl: (p, region, r, signal) => p.presignPartnerAppUrl(region, r, signal),
};

export function urlAccess(p: Presigning): UrlAccess {
  return {
    presignUrl(region, r, signal) {
      const presigner = Object.hasOwn(PRESIGNERS, r.operation) ? (PRESIGNERS[r.operation] as Presigner<UrlOperation>) : undefined;
      if (!presigner) {
        return Promise.reject(new AwsError('validation', `${String(r.operation)} is not an operation that makes a presigned URL.`));
      }
      return presigner(p, region, r, signal);
    },
  };
}

/** URLs that work once: the API reference says so of the MLflow ones, and not of the others. */
const SINGLE_USE: { readonly [Op in UrlOperation]: boolean } = {
  CreatePresignedDomainUrl: false,
  CreatePresignedNotebookInstanceUrl: false,
  CreatePresignedMlflowTrackingServerUrl: true,
  CreatePresignedMlflowAppUrl: true,
  CreatePartnerAppPresignedUrl: false,
};

export function isSingleUseUrl(operation: UrlOperation): boolean {
  return SINGLE_USE[operation];
}

/**
 * Whether the operation's lifetimes have limits of their own (PRESIGN_LIMITS), checked against
 * them by name; else they are the URL settings' (LIMITS), checked with the settings.
 */
export function hasOwnLimits(operation: UrlOperation): operation is PresignOperation {
  return Object.hasOwn(PRESIGN_LIMITS, operation);
}

/** What "Open with Options…" can ask for a URL of the operation, as its input says (the Jupyter view is the URL's, not an input member). */
export type UrlChoice = 'landingUri' | 'expiresInSeconds' | 'ui';

const CHOICES: { readonly [Op in UrlOperation]: readonly UrlChoice[] } = {
  CreatePresignedDomainUrl: ['landingUri', 'expiresInSeconds'],
  CreatePresignedNotebookInstanceUrl: ['ui'],
  CreatePresignedMlflowTrackingServerUrl: ['expiresInSeconds'],
  CreatePresignedMlflowAppUrl: ['expiresInSeconds'],
  CreatePartnerAppPresignedUrl: ['expiresInSeconds'],
};

/** Whether a URL of the operation can be given `choice` (every one can be given its session lifetime). */
export function takes(operation: UrlOperation, choice: UrlChoice): boolean {
  return CHOICES[operation].includes(choice);
}

/**
 * Whether the URL lands where the landing page setting says when none is asked for: Studio does;
 * a space opens on its own app (a LandingUri would replace it); the other operations take none.
 */
export function landsOnSetting(call: UrlCall): boolean {
  return call.operation === 'CreatePresignedDomainUrl' && call.spaceName === undefined;
}
