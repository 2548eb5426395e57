/**
 * An MLflow tracking server and an MLflow app, as data: what the last-known tree keeps of each,
 * their links, how a tracking server is started and stopped, and the poller's key of its row.
 */
import type { MlflowApp, MlflowTrackingServer } from '../aws/index';
import { FIELD_RULES, type ResourceSpec, type TargetSpec } from './kind';
import { trackingServerRunning } from './status';

export const trackingServerResource: ResourceSpec<'mlflowTrackingServer'> = {
  kind: 'mlflowTrackingServer',
  label: 'MLflow tracking server',
  opens: 'mlflowTrackingServer',
  stored: {
    region: ['text', true],
    trackingServerName: ['text', true],
    trackingServerArn: ['text', false],
    status: ['text', false],
    isActive: ['text', false],
    mlflowVersion: ['text', false],
    trackingServerSize: ['text', false],
    creationTime: ['date', false],
    lastModifiedTime: ['date', false],
  },
};

export const mlflowAppResource: ResourceSpec<'mlflowApp'> = {
  kind: 'mlflowApp',
  label: 'MLflow app',
  opens: 'mlflowApp',
  stored: {
    region: ['text', true],
    name: ['text', true],
    arn: ['text', true],
    status: ['text', false],
    mlflowVersion: ['text', false],
    creationTime: ['date', false],
    lastModifiedTime: ['date', false],
  },
};

export interface TrackingServerTarget {
  readonly kind: 'mlflowTrackingServer';
  readonly region: string;
  readonly server: MlflowTrackingServer;
}

export interface MlflowAppTarget {
  readonly kind: 'mlflowApp';
  readonly region: string;
  readonly app: MlflowApp;
}

/** The poller's key of a tracking server (its row's, and a start or stop waiting on it). */
export function trackingServerStateKey(s: Pick<MlflowTrackingServer, 'region' | 'trackingServerName'>): string {
  return `mlflowTrackingServer/${s.region}/${s.trackingServerName}`;
}

export const trackingServerTarget: TargetSpec<'mlflowTrackingServer'> = {
  kind: 'mlflowTrackingServer',
  label: 'MLflow tracking server',
  palette: { about: 'its MLflow UI', icon: 'beaker', select: 'Select an MLflow tracking server' },
  keys: { name: FIELD_RULES.TrackingServerName },
  describe: (r) => `MLflow tracking server ${r.name}`,
  name: (t) => `MLflow tracking server ${t.server.trackingServerName}`,
  urlCall: (t) => ({ operation: 'CreatePresignedMlflowTrackingServerUrl', trackingServerName: t.server.trackingServerName }),
  copy: (t) => ({ id: t.server.trackingServerName, arn: t.server.trackingServerArn, what: `MLflow tracking server ${t.server.trackingServerName}` }),
  toRef: (t) => ({ ref: { kind: 'mlflowTrackingServer', region: t.region, name: t.server.trackingServerName }, names: {} }),
  // One Describe call: whether it exists, and its state (a stopped tracking server is offered a start).
  fromRef: async (access, ref) => ({ kind: 'mlflowTrackingServer', region: ref.region, server: await access.describeMlflowTrackingServer(ref.region, ref.name!) }),
  lifecycle: {
    isRunning: (t) => trackingServerRunning(t.server.status, t.server.isActive),
    state: (t) => t.server.status ?? 'unknown',
    stateKey: (t) => trackingServerStateKey(t.server),
    passing: { start: 'Starting', stop: 'Stopping' },
    call: (access, t, action) =>
      action === 'start' ? access.startMlflowTrackingServer(t.region, t.server.trackingServerName) : access.stopMlflowTrackingServer(t.region, t.server.trackingServerName),
    wait: async (access, t, until, o) => ({ ...t, server: await access.waitForMlflowTrackingServer(t.region, t.server.trackingServerName, until === 'running' ? 'Started' : 'Stopped', o) }),
    // While waiting, the server is neither active nor inactive: its status alone decides.
    withState: (t, status) => ({ ...t, server: { ...t.server, status, isActive: undefined } }),
    read: async (access, t) => ({ ...t, server: await access.describeMlflowTrackingServer(t.region, t.server.trackingServerName) }),
  },
};

export const mlflowAppTarget: TargetSpec<'mlflowApp'> = {
  kind: 'mlflowApp',
  label: 'MLflow app',
  palette: { about: 'its MLflow UI', icon: 'graph-line', select: 'Select an MLflow app' },
  keys: { arn: FIELD_RULES.MlflowAppArn },
  describe: (r, n) => `MLflow app ${n?.displayName ?? r.arn}`,
  name: (t) => `MLflow app ${t.app.name}`,
  urlCall: (t) => ({ operation: 'CreatePresignedMlflowAppUrl', arn: t.app.arn }),
  // Named by ARN in the API: its "ID" is the ARN too.
  copy: (t) => ({ id: t.app.arn, arn: t.app.arn, what: `MLflow app ${t.app.name}` }),
  toRef: (t) => ({ ref: { kind: 'mlflowApp', region: t.region, arn: t.app.arn }, names: { displayName: t.app.name } }),
  // DescribeMlflowApp: whether it exists (it has no start or stop: the service says whether it opens).
  fromRef: async (access, ref) => ({ kind: 'mlflowApp', region: ref.region, app: await access.describeMlflowApp(ref.region, ref.arn!) }),
};

declare module './kind' {
  interface ResourceKinds {
    mlflowTrackingServer: MlflowTrackingServer;
    mlflowApp: MlflowApp;
  }
  interface TargetKinds {
    mlflowTrackingServer: TrackingServerTarget;
    mlflowApp: MlflowAppTarget;
  }
}
