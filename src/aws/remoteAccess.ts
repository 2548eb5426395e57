/**
 * Remote access to a space (a local IDE working inside it over SSH carried by an SSM session):
 * what DescribeSpace says about it, turning it on or off (UpdateSpace), and StartSession for the
 * space's app. The connect helper (src/remote/helper/connect.ts) makes its own StartSession call
 * with fresh credentials each time; this one is the VS Code layer's (a check before it opens a window).
 */
import type { AppInstanceType, ResourceSpec, SpaceSettings } from '@aws-sdk/client-sagemaker';
import { checkName } from './checks';
import type { AwsCore } from './core';
import { AwsError } from './errors';

export type RemoteAccessStatus = 'ENABLED' | 'DISABLED';

/** What connecting needs to know about a space, from one DescribeSpace call. */
export interface SpaceRemoteInfo {
  spaceArn: string;
  appType?: string;
  /** SpaceSettings.RemoteAccess; unset counts as DISABLED. */
  remoteAccess: RemoteAccessStatus;
  /** The instance type the space's app starts on (its app settings' DefaultResourceSpec), when set. */
  defaultInstanceType?: string;
  /** That whole DefaultResourceSpec (image, lifecycle configuration…), kept when the instance type changes. */
  defaultResourceSpec?: ResourceSpec;
  /** The instance type of the space's newest app (ListApps' ResourceSpec), when it has one. */
  appInstanceType?: string;
}

/** StartSession's answer: what the Session Manager plugin is given. TokenValue is a credential. */
export interface RemoteSession {
  sessionId: string;
  streamUrl: string;
  tokenValue: string;
}

/** What UpdateSpace changes for a connection: remote access, and the instance type the app starts on. */
export interface SpaceRemoteChange {
  remoteAccess?: RemoteAccessStatus;
  /** A new DefaultResourceSpec.InstanceType in the space's app settings (`appType`'s), the rest of `keep` (its current spec) unchanged. */
  instanceType?: { appType: string; instanceType: string; keep?: ResourceSpec };
}

/** The SpaceSettings member that holds each remote app type's DefaultResourceSpec. */
const APP_SETTINGS: Readonly<Record<string, 'JupyterLabAppSettings' | 'CodeEditorAppSettings'>> = { JupyterLab: 'JupyterLabAppSettings', CodeEditor: 'CodeEditorAppSettings' };

/** The remote-access part of SageMakerAccess. */
export interface RemoteAccessApi {
  describeSpaceRemoteAccess(region: string, domainId: string, spaceName: string, signal?: AbortSignal): Promise<SpaceRemoteInfo>;
  /**
   * One UpdateSpace call with SpaceSettings.RemoteAccess and/or the app settings' instance type; the
   * space's app must not be running (SageMaker applies both when the app starts).
   */
  updateSpaceForRemote(region: string, domainId: string, spaceName: string, change: SpaceRemoteChange): Promise<void>;
  /** StartSession for the app ARN (see spaceAppArn). */
  startSession(region: string, appArn: string, signal?: AbortSignal): Promise<RemoteSession>;
}

/**
 * The ARN of a space's app, from the space's ARN: `…:space/<domain>/<space>` becomes
 * `…:app/<domain>/<space>/<app type, lower case>/default` (spaces run one app, named "default").
 */
export function spaceAppArn(spaceArn: string, appType: string): string {
  const m = /^(arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:\d{12}):space\/([^/]+)\/([^/]+)$/.exec(spaceArn);
  if (!m) {
    throw new AwsError('validation', `"${spaceArn}" is not the ARN of a SageMaker space.`, { operation: 'StartSession' });
  }
  return `${m[1]}:app/${m[2]}/${m[3]}/${appType.toLowerCase()}/default`;
}

export function remoteAccessApi(core: AwsCore): RemoteAccessApi {
  return {
    async describeSpaceRemoteAccess(region, domainId, spaceName, signal) {
      checkName('DomainId', domainId, 'DescribeSpace');
      checkName('SpaceName', spaceName, 'DescribeSpace');
      // The settings, and the newest app's instance type (the one a restart keeps), side by side.
      const [out, apps] = await Promise.all([
        core.call(region, 'DescribeSpace', (c, sdk) => c.send(new sdk.DescribeSpaceCommand({ DomainId: domainId, SpaceName: spaceName }), { abortSignal: signal })),
        core.call(region, 'ListApps', (c, sdk) =>
          c.send(new sdk.ListAppsCommand({ DomainIdEquals: domainId, SpaceNameEquals: spaceName, SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: 1 }), { abortSignal: signal }),
        ),
      ]);
      const settings = out.SpaceSettings;
      const defaultSpec = settings?.JupyterLabAppSettings?.DefaultResourceSpec ?? settings?.CodeEditorAppSettings?.DefaultResourceSpec;
      return {
        spaceArn: out.SpaceArn ?? '',
        appType: settings?.AppType,
        remoteAccess: settings?.RemoteAccess === 'ENABLED' ? 'ENABLED' : 'DISABLED',
        defaultInstanceType: defaultSpec?.InstanceType,
        defaultResourceSpec: defaultSpec,
        appInstanceType: apps.Apps?.[0]?.ResourceSpec?.InstanceType,
      };
    },

    async updateSpaceForRemote(region, domainId, spaceName, change) {
      checkName('DomainId', domainId, 'UpdateSpace');
      checkName('SpaceName', spaceName, 'UpdateSpace');
      const { remoteAccess, instanceType } = change;
      if (remoteAccess !== undefined && remoteAccess !== 'ENABLED' && remoteAccess !== 'DISABLED') {
        throw new AwsError('validation', `RemoteAccess must be ENABLED or DISABLED, not "${String(remoteAccess)}".`, { operation: 'UpdateSpace' });
      }
      const member = instanceType && APP_SETTINGS[instanceType.appType];
      if (instanceType && !member) {
        throw new AwsError('validation', `The instance type of a ${instanceType.appType} space cannot be changed here: only JupyterLab and Code Editor spaces.`, { operation: 'UpdateSpace' });
      }
      if (instanceType && !/^ml\.[a-z0-9-]+\.[a-z0-9]+$/.test(instanceType.instanceType)) {
        throw new AwsError('validation', `"${instanceType.instanceType}" is not an instance type (ml.<family>.<size>).`, { operation: 'UpdateSpace' });
      }
      if (remoteAccess === undefined && !instanceType) {
        return;
      }
      const settings: SpaceSettings = {};
      if (remoteAccess !== undefined) {
        settings.RemoteAccess = remoteAccess;
      }
      if (instanceType && member) {
        // The whole spec is sent (UpdateSpace replaces it): the image and lifecycle configuration stay.
        settings[member] = { DefaultResourceSpec: { ...instanceType.keep, InstanceType: instanceType.instanceType as AppInstanceType } };
      }
      await core.call(region, 'UpdateSpace', (c, sdk) => c.send(new sdk.UpdateSpaceCommand({ DomainId: domainId, SpaceName: spaceName, SpaceSettings: settings })));
    },

    async startSession(region, appArn, signal) {
      const out = await core.call(region, 'StartSession', (c, sdk) => c.send(new sdk.StartSessionCommand({ ResourceIdentifier: appArn }), { abortSignal: signal }));
      if (!out.SessionId || !out.StreamUrl || !out.TokenValue) {
        throw new AwsError('unknown', 'SageMaker answered StartSession without a session (SessionId, StreamUrl or TokenValue missing).', { operation: 'StartSession' });
      }
      return { sessionId: out.SessionId, streamUrl: out.StreamUrl, tokenValue: out.TokenValue };
    },
  };
}
