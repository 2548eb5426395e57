/**
 * The AWS access layer's public API: everything the VS Code layer uses from src/aws/.
 * Plain Node, no vscode. Importing this module loads no AWS SDK code; the SDK is loaded on first call.
 */
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
export type { DomainAccess } from './domains';
export type { SpaceAccess } from './spaces';
export type { NotebookAccess } from './notebooks';
export type { Domain, NotebookInstance, Page, PresignedUrl, Space, SpaceApp, SpaceAppState, UserProfile } from './model';
export { AwsError, errorLogText, toAwsError, type AwsErrorKind, type NextAction } from './errors';
export {
  checkOpenableUrl,
  LANDING_PATH_RULE,
  PROFILE_NAME_RULE,
  SAGEMAKER_URL_HOST_SUFFIXES,
  LIMITS,
  LANDING_APP_TYPES,
  NAME_PATTERNS,
  REGION_PATTERN,
  validateEndpointUrl,
  validateExpiresInSeconds,
  validateLandingUri,
  validateName,
  validateProfileName,
  validateRegion,
  validateSessionExpiration,
} from './validation';
export { redactUrl, REDACTED } from './redact';
export { listProfileNames, effectiveProfileName } from './profiles';
export { toCliCommand, shellQuote, ssoLoginCommand } from './cli';
export { withJupyterLabView } from './notebooks';
export { createSageMakerAccess } from './access';
