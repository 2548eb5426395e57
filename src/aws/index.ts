/**
 * The AWS access layer's public API: everything the VS Code layer uses from src/aws/.
 * Plain Node, no vscode. Importing this module loads no AWS SDK code; the SDK is loaded on first call.
 */
import { SageMakerAccessImpl } from './access';
import type { AwsHooks, AwsSettings, AwsTuning, SageMakerAccess } from './types';

export type {
  ApiCallRecord,
  AwsHooks,
  AwsSettings,
  AwsTuning,
  DomainUrlRequest,
  ListOptions,
  NotebookUi,
  NotebookUrlRequest,
  SageMakerAccess,
  SpaceOwnership,
  WaitOptions,
} from './types';
export type { Domain, NotebookInstance, Page, PresignedUrl, Space, SpaceApp, SpaceAppState, UserProfile } from './model';
export { AwsError, errorLogText, toAwsError, type AwsErrorKind, type NextAction } from './errors';
export {
  checkOpenableUrl,
  LIMITS,
  LANDING_APP_TYPES,
  NAME_PATTERNS,
  REGION_PATTERN,
  validateEndpointUrl,
  validateExpiresInSeconds,
  validateLandingUri,
  validateName,
  validateRegion,
  validateSessionExpiration,
} from './validation';
export { redactUrl, REDACTED } from './redact';
export { listProfileNames, effectiveProfileName } from './profiles';
export {
  cliName,
  cliWords,
  domainUrlInvocation,
  mlflowAppUrlInvocation,
  mlflowTrackingServerUrlInvocation,
  notebookUrlInvocation,
  partnerAppUrlInvocation,
  shellQuote,
  toCliCommand,
  toCommandLine,
  type CliInvocation,
  type UrlLifetimes,
} from './cli';
export { formatCommandLine, quoteFor, shellKindFor, type ShellKind, type TerminalProfileInfo } from './cliShell';
export { withJupyterLabView } from './access';

/**
 * One access object per settings (profile, regions, endpoint). It keeps one SDK client per region,
 * reused across calls; call dispose() when the settings change.
 * `tuning` is for tests and the benchmark (retries, timeouts); the extension uses the defaults.
 */
export function createSageMakerAccess(settings: AwsSettings, hooks?: AwsHooks, tuning?: AwsTuning): SageMakerAccess {
  return new SageMakerAccessImpl(settings, hooks, tuning);
}
