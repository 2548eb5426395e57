/**
 * The presigned URL settings (URL and session lifetimes, landing URI), read and checked before any
 * call. Apart from settings.ts: only the commands read them, so activation's file does not hold
 * their checks.
 */
import { LANDING_PATH_RULE, LIMITS, validateExpiresInSeconds, validateLandingUri, validateSessionExpiration } from './aws/index';
import { checkRange, describeValue, fail, SETTING, userValue } from './settings';

export interface UrlSettings {
  expiresInSeconds: number;
  sessionExpirationDurationInSeconds: number;
  landingUri: string;
}

/** The presigned URL settings, validated before any call. */
export function readUrlSettings(): UrlSettings {
  const expires = userValue(SETTING.expiresInSeconds, LIMITS.expiresInSeconds.max);
  checkRange(SETTING.expiresInSeconds, expires, LIMITS.expiresInSeconds, 'seconds');
  if (validateExpiresInSeconds(expires) !== undefined) {
    fail(SETTING.expiresInSeconds, `is ${describeValue(expires)}: ${validateExpiresInSeconds(expires)}`);
  }
  const session = userValue(SETTING.sessionExpiration, LIMITS.sessionExpirationDurationInSeconds.max);
  checkRange(SETTING.sessionExpiration, session, LIMITS.sessionExpirationDurationInSeconds, 'seconds');
  if (validateSessionExpiration(session) !== undefined) {
    fail(SETTING.sessionExpiration, `is ${describeValue(session)}: ${validateSessionExpiration(session)}`);
  }
  const landing = userValue(SETTING.landingUri, 'studio::');
  const landingProblem = validateLandingUri(landing);
  if (typeof landing !== 'string' || landingProblem !== undefined) {
    fail(
      SETTING.landingUri,
      `is ${describeValue(landing)}${landingProblem ? `: ${landingProblem}` : ''}. Allowed: studio::, app:JupyterLab:, app:CodeEditor:, app:RStudioServerPro:, app:Canvas: or app:JupyterServer:, optionally followed by ${LANDING_PATH_RULE}.`,
    );
  }
  return {
    expiresInSeconds: expires as number,
    sessionExpirationDurationInSeconds: session as number,
    landingUri: landing,
  };
}
