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
export type { SpaceAccess, SpaceListOptions, SpacePage } from './spaces';
export { callLimiter, STATE_CALLS_IN_FLIGHT, type CallLimiter } from './callLimiter';
export type { NotebookAccess } from './notebooks';
export type { MlflowAccess, MlflowApp, MlflowAppUrlRequest, MlflowTrackingServer, MlflowTrackingServerUrlRequest, UrlLifetimes } from './mlflow';
export type { PartnerApp, PartnerAppAccess, PartnerAppUrlRequest } from './partnerApps';
export type { RunningAccess, RunningEnvironment, RunningScan, ScanOptions } from './running';
export type { PriceAnswer, PricedKind, PricingAccess } from './pricing';
export type { IdleShutdown, SpaceIdleAccess } from './spaceIdle';
export { spaceAppArn, type RemoteAccessApi, type RemoteAccessStatus, type RemoteSession, type SpaceRemoteChange, type SpaceRemoteInfo } from './remoteAccess';
export { hasOwnLimits, isSingleUseUrl, landsOnSetting, takes, type UrlAccess, type UrlChoice, type UrlCallOptions, type UrlOperation, type UrlRequest } from './urlCalls';
export { KIND_PATTERNS, PRESIGN_LIMITS, validateKindField, validateLifetime, type PresignOperation } from './urlLimits';
export type { Domain, DomainAuthMode, NotebookInstance, Page, PresignedUrl, Space, SpaceApp, SpaceAppState, UserProfile } from './model';
export { AwsError, EXPECTED, errorLogText, isExpectedFailure, isSsoDomainRefusal, type AwsErrorKind, type NextAction } from './errors';
export { toAwsError } from './errorMapping';
export { checkOpenableUrl, openableUrl, rfc3986Authority, isAuthorityOf, type OpenableUrl, SAGEMAKER_URL_HOST_SUFFIXES } from './openableUrl';
export { PROFILE_NAME_RULE, REGION_PATTERN, validateEndpointUrl, validateProfileName, validateRegion } from './validation';
export {
  LANDING_PATH_RULE,
  LIMITS,
  LANDING_APP_TYPES,
  NAME_PATTERNS,
  validateExpiresInSeconds,
  validateLandingUri,
  validateName,
  validateSessionExpiration,
} from './requestValues';
export { redactUrl, REDACTED } from './redact';
export { ECHO_MAX, quoteValue } from './quoteValue';
export { effectiveProfileName } from './profiles';
export { connectionInUse, credentialsId, credentialsInUse, credentialsLabel, type ConnectionInUse, type CredentialsInUse } from './inUse';
export {
  cliName,
  cliWords,
  domainUrlInvocation,
  mlflowAppUrlInvocation,
  mlflowTrackingServerUrlInvocation,
  notebookUrlInvocation,
  partnerAppUrlInvocation,
  toCommandLine,
  urlCallInvocation,
  type CliInvocation,
  type UrlCall,
} from './cli';
export { CommandLineError, formatCommandLine, quoteFor, shellKindFor, ssoLoginCommand, ssoLoginWords, unsafeFor, type ShellKind, type TerminalProfileInfo } from './cliShell';
export { withJupyterLabView } from './notebooks';
export { createSageMakerAccess, listProfileNames } from './lazyAccess';
export { openingProfile } from './ownership';
export { configureSdkCodeCache, sdkLoadInfo, writeSdkCodeCache, type SdkCodeCacheOptions, type SdkLoadInfo } from './clients';
export type { CodeCacheState, HostModules } from './codeCache';
