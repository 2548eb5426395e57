/**
 * Remote access to a space (connecting a local IDE over SSH carried by an SSM session):
 * `UpdateSpace` (SpaceSettings.RemoteAccess) and `StartSession`, and the sessions StartSession
 * handed out, so a test's stand-in for the Session Manager plugin can check the answer it is given.
 *
 * What the API model does not say, and the emulator assumes (README "Local SageMaker endpoint"):
 * - StartSession's ResourceIdentifier is the ARN of the space's app (the model: "the specific ARN
 *   space application"); the app must be InService, the space a JupyterLab or Code Editor space
 *   with RemoteAccess ENABLED.
 * - An IAM Identity Center (AuthMode SSO) domain's space cannot be reached with SigV4 credentials:
 *   StartSession is a ValidationException naming the AuthMode, as CreatePresignedDomainUrl is.
 * - RemoteAccess cannot change while the space's app runs (ResourceInUse): the app picks it up when
 *   it starts, which is why a client stops the app first and starts it again after.
 * - UpdateSpace's JupyterLabAppSettings / CodeEditorAppSettings DefaultResourceSpec replaces the
 *   space's (the settings of another app type than the space's are a ValidationException); a
 *   CreateApp without a ResourceSpec starts on its InstanceType.
 */
import * as crypto from 'node:crypto';
import * as arns from './arns';
import type { Operations, ServiceContext } from './context';
import type { RegionData, SpaceRecord } from './data';
import { inUse, notFound, validation } from './errors';
import { str } from './values';

/** The SpaceSettings member that holds each app type's DefaultResourceSpec (the ones UpdateSpace may set). */
const APP_SETTINGS: Readonly<Record<string, string>> = { JupyterLab: 'JupyterLabAppSettings', CodeEditor: 'CodeEditorAppSettings' };

/** DescribeSpace's app settings for the space's DefaultResourceSpec, when it has one. */
export function appSettings(s: SpaceRecord): Record<string, unknown> {
  const member = APP_SETTINGS[s.appType];
  return member && s.defaultResourceSpec ? { [member]: { DefaultResourceSpec: { ...s.defaultResourceSpec } } } : {};
}

/** App types that can be reached over SSH. */
const REMOTE_APP_TYPES = ['JupyterLab', 'CodeEditor'];

export interface RemoteSession {
  sessionId: string;
  region: string;
  /** The app ARN the session was started for. */
  resourceIdentifier: string;
  domainId: string;
  spaceName: string;
  startedAt: Date;
}

/** The sessions StartSession handed out; their tokens stay here (a token is a credential). */
export class RemoteSessions {
  private readonly sessions = new Map<string, RemoteSession & { tokenValue: string }>();

  issue(s: Omit<RemoteSession, 'sessionId'>): { sessionId: string; tokenValue: string } {
    const sessionId = `sagemaker-${crypto.randomBytes(8).toString('hex')}`;
    const tokenValue = crypto.randomBytes(96).toString('base64');
    this.sessions.set(sessionId, { ...s, sessionId, tokenValue });
    return { sessionId, tokenValue };
  }

  /** The session, if `tokenValue` is the one issued with it. */
  check(sessionId: unknown, tokenValue: unknown): RemoteSession | undefined {
    const s = typeof sessionId === 'string' ? this.sessions.get(sessionId) : undefined;
    if (!s || typeof tokenValue !== 'string' || tokenValue.length !== s.tokenValue.length) {
      return undefined;
    }
    if (!crypto.timingSafeEqual(Buffer.from(tokenValue), Buffer.from(s.tokenValue))) {
      return undefined;
    }
    return this.withoutToken(s);
  }

  /** Every session, without its token. */
  list(): RemoteSession[] {
    return [...this.sessions.values()].map((s) => this.withoutToken(s));
  }

  private withoutToken(s: RemoteSession & { tokenValue: string }): RemoteSession {
    return { sessionId: s.sessionId, region: s.region, resourceIdentifier: s.resourceIdentifier, domainId: s.domainId, spaceName: s.spaceName, startedAt: s.startedAt };
  }

  clear(): void {
    this.sessions.clear();
  }
}

export function remoteOperations(ctx: ServiceContext & { readonly sessions: RemoteSessions; ssoDomainName(region: string, domainId: string): string | undefined }): Operations {
  const spaceOf = (r: RegionData, region: string, domainId: string, spaceName: string): SpaceRecord => {
    if (!r.domains.some((d) => d.domainId === domainId)) {
      throw notFound(`Domain with ARN ${arns.domainArn(region, ctx.account, domainId)} not found`);
    }
    const s = r.spaces.find((x) => x.domainId === domainId && x.spaceName === spaceName);
    if (!s) {
      throw notFound(`Space with ARN ${arns.spaceArn(region, ctx.account, domainId, spaceName)} not found`);
    }
    return s;
  };
  const activeApp = (r: RegionData, s: SpaceRecord) =>
    r.apps.find((a) => a.domainId === s.domainId && a.spaceName === s.spaceName && (a.status === 'InService' || a.status === 'Pending' || a.status === 'Deleting'));

  return {
    UpdateSpace: (region, input) => {
      const r = ctx.region(region);
      const domainId = String(input.DomainId);
      const spaceName = String(input.SpaceName);
      const s = spaceOf(r, region, domainId, spaceName);
      const settings = (input.SpaceSettings ?? {}) as Record<string, unknown> & { AppType?: unknown; RemoteAccess?: unknown };
      if (settings.AppType !== undefined && settings.AppType !== s.appType) {
        throw validation(`You can't edit the app type of a space: space ${spaceName} is a ${s.appType} space.`);
      }
      for (const [appType, member] of Object.entries(APP_SETTINGS)) {
        if (settings[member] !== undefined && appType !== s.appType) {
          throw validation(`SpaceSettings.${member} cannot be set for space ${spaceName}, a ${s.appType} space.`);
        }
      }
      const spec = (settings[APP_SETTINGS[s.appType] ?? ''] as { DefaultResourceSpec?: Record<string, string> } | undefined)?.DefaultResourceSpec;
      const remoteAccess = str(settings.RemoteAccess) as SpaceRecord['remoteAccess'];
      if (remoteAccess !== undefined && remoteAccess !== (s.remoteAccess ?? 'DISABLED')) {
        const app = activeApp(r, s);
        if (app) {
          throw inUse(`Space ${spaceName} has an app in ${app.status} status; stop it before changing RemoteAccess.`);
        }
        s.remoteAccess = remoteAccess;
      }
      if (spec !== undefined) {
        s.defaultResourceSpec = { ...spec };
      }
      const displayName = str(input.SpaceDisplayName);
      if (displayName !== undefined) {
        s.spaceDisplayName = displayName;
      }
      s.lastModifiedTime = new Date(ctx.now()).toISOString();
      return { SpaceArn: arns.spaceArn(region, ctx.account, domainId, spaceName) };
    },

    StartSession: (region, input) => {
      const resourceIdentifier = String(input.ResourceIdentifier);
      const parsed = arns.parseArn(resourceIdentifier);
      const parts = parsed?.type === 'app' ? parsed.id.split('/') : [];
      if (!parsed || parts.length !== 4) {
        throw validation(`ResourceIdentifier ${resourceIdentifier} is not the ARN of a space's app (arn:aws:sagemaker:<region>:<account>:app/<domain id>/<space name>/<app type>/<app name>).`);
      }
      const [domainId, spaceName, appType, appName] = parts;
      if (parsed.region !== region || parsed.account !== ctx.account) {
        throw notFound(`App with ARN ${resourceIdentifier} not found`);
      }
      const r = ctx.region(region);
      const s = spaceOf(r, region, domainId, spaceName);
      if (ctx.ssoDomainName(region, domainId) !== undefined) {
        throw validation(`Domain ${domainId} has AuthMode SSO. StartSession with IAM credentials can only be called when the authentication mode equals IAM; connect through Studio in the browser.`);
      }
      if (!REMOTE_APP_TYPES.includes(s.appType)) {
        throw validation(`Space ${spaceName} runs ${s.appType} apps; remote access is available for JupyterLab and Code Editor spaces only.`);
      }
      if (s.remoteAccess !== 'ENABLED') {
        throw validation(`Remote access is not enabled for space ${spaceName}. Set SpaceSettings.RemoteAccess to ENABLED with UpdateSpace, then restart the space's app.`);
      }
      const app = r.apps.find((a) => a.domainId === domainId && a.spaceName === spaceName && a.appType.toLowerCase() === appType && a.appName === appName && a.status !== 'Deleted');
      if (!app) {
        throw notFound(`App with ARN ${resourceIdentifier} not found`);
      }
      if (app.status !== 'InService') {
        throw validation(`App with ARN ${resourceIdentifier} is in ${app.status} status; it must be InService.`);
      }
      const { sessionId, tokenValue } = ctx.sessions.issue({ region, resourceIdentifier, domainId, spaceName, startedAt: new Date(ctx.now()) });
      return {
        SessionId: sessionId,
        StreamUrl: `wss://ssmmessages.${region}.amazonaws.com/v1/data-channel/${sessionId}?role=publish_subscribe&cell-number=AAEAAQ`,
        TokenValue: tokenValue,
      };
    },
  };
}
