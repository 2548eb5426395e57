import * as vscode from 'vscode';
import type { MlflowTrackingServer, NotebookInstance, Space, SpaceAppState } from '../aws/index';
import type { ExtensionServices } from '../context';
import { UserFacingError } from '../errors';
import { trackingServerRunning } from '../tree/status';
import type { Node } from '../tree/nodes';
import { trackingServerStateKey } from '../tree/mlflow';
import { notebookStateKey } from '../tree/notebook';
import { spaceStateKey } from '../tree/space';
import { askTarget, describeTarget, targetFromNode, type UrlTarget } from './targets';

export type StartStopTarget = Extract<UrlTarget, { kind: 'space' | 'notebook' | 'mlflowTrackingServer' }>;

/** Whether the target can be started and stopped (a space's app, a notebook instance, a tracking server). */
function isStartStop(t: UrlTarget): t is StartStopTarget {
  return t.kind === 'space' || t.kind === 'notebook' || t.kind === 'mlflowTrackingServer';
}

const SPACE_STATES: readonly string[] = ['Running', 'Starting', 'Stopping', 'Stopped', 'Failed'];

/** Running (or InService), i.e. a URL for it opens something. */
export function isRunning(t: StartStopTarget): boolean {
  if (t.kind === 'mlflowTrackingServer') {
    return trackingServerRunning(t.server.status, t.server.isActive);
  }
  return t.kind === 'notebook' ? t.notebook.status === 'InService' : t.space.appState === 'Running';
}

function stateOf(t: StartStopTarget): string {
  if (t.kind === 'mlflowTrackingServer') {
    return t.server.status ?? 'unknown';
  }
  return (t.kind === 'notebook' ? t.notebook.status : t.space.appState) ?? 'unknown';
}

/** The local emulator is cheap to poll; AWS gets the layer's default pace. */
function pollMs(s: ExtensionServices): number | undefined {
  const endpoint = s.session.settings.endpointUrl;
  return endpoint && /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(endpoint) ? 250 : undefined;
}

/** The node it was run on, or one asked for in the palette (space or notebook instance). */
export async function resolveStartStopTarget(s: ExtensionServices, node: Node | undefined, verb: string): Promise<StartStopTarget | undefined> {
  const fromRow = targetFromNode(node);
  if (fromRow && isStartStop(fromRow)) {
    return fromRow;
  }
  const kind = await s.prompter().pick<'space' | 'notebook' | 'mlflowTrackingServer'>({
    title: `${verb}`,
    placeholder: `What to ${verb.toLowerCase()}`,
    items: [
      { label: 'Notebook instance', value: 'notebook' },
      { label: 'Space', description: 'its app', value: 'space' },
      { label: 'MLflow tracking server', value: 'mlflowTrackingServer' },
    ],
  });
  if (!kind) {
    return undefined;
  }
  return (await askTarget(s, kind)) as StartStopTarget | undefined;
}

function update(s: ExtensionServices, t: StartStopTarget, status?: string): StartStopTarget {
  if (t.kind === 'mlflowTrackingServer') {
    // While waiting, the server is neither active nor inactive: its status alone decides.
    const server: MlflowTrackingServer = status ? { ...t.server, status, isActive: undefined } : t.server;
    s.tree.updateTrackingServer(server);
    return { ...t, server };
  }
  if (t.kind === 'notebook') {
    const notebook: NotebookInstance = status ? { ...t.notebook, status } : t.notebook;
    s.tree.updateNotebook(notebook);
    return { ...t, notebook };
  }
  const space: Space = status && SPACE_STATES.includes(status) ? { ...t.space, appState: status as SpaceAppState } : t.space;
  s.tree.updateSpace(space);
  return { ...t, space };
}

/** The poller's key for a target: while a command waits on it, the poller leaves it alone. */
function stateKeyOf(t: StartStopTarget): string {
  switch (t.kind) {
    case 'notebook':
      return notebookStateKey(t.notebook);
    case 'space':
      return spaceStateKey(t.space);
    case 'mlflowTrackingServer':
      return trackingServerStateKey(t.server);
  }
}

/** Describes the resource again and puts its state on its rows; a failure here is logged, not shown twice. */
async function showRealState(s: ExtensionServices, t: StartStopTarget): Promise<void> {
  try {
    const access = s.session.access();
    if (t.kind === 'notebook') {
      s.tree.updateNotebook(await access.describeNotebookInstance(t.region, t.notebook.notebookInstanceName));
    } else if (t.kind === 'space') {
      s.tree.updateSpace(await access.describeSpace(t.region, t.domain.domainId, t.space.spaceName));
    } else {
      s.tree.updateTrackingServer(await access.describeMlflowTrackingServer(t.region, t.server.trackingServerName));
    }
  } catch (e) {
    s.log.error(`Reading the state of the ${describeTarget(t)} after a failed wait`, e);
  }
}

/**
 * Starts or stops, then waits for the end state behind a cancellable progress notification,
 * the tree's node following each state. Cancelling stops the waiting, not the transition.
 * Returns the target in its new state, or undefined if the user cancelled the wait.
 * `o.spaceInstanceType`: a space's app is started on that instance type (a restart keeps its own).
 */
export async function transition(s: ExtensionServices, target: StartStopTarget, action: 'start' | 'stop', o: { spaceInstanceType?: string } = {}): Promise<StartStopTarget | undefined> {
  const access = s.session.access();
  // Picked before its state came in: whether it runs decides what start and stop may do.
  const t = target.kind === 'space' ? await withKnownState(s, target) : target;
  const what = describeTarget(t);
  const running = isRunning(t);
  if (action === 'start' && running) {
    throw new UserFacingError(`The ${what} is already running.`);
  }
  if (action === 'stop' && stateOf(t) === 'Stopped') {
    throw new UserFacingError(`The ${what} is already stopped.`);
  }
  return s.poller.whileWaiting(stateKeyOf(t), () => vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `${action === 'start' ? 'Starting' : 'Stopping'} ${what}`,
      cancellable: true,
    },
    async (progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        let current: StartStopTarget = t;
        // Each state seen while waiting shows in the notification and on the tree's node.
        const waiting = {
          signal: abort.signal,
          pollMs: pollMs(s),
          onProgress: (status: string) => {
            progress.report({ message: status });
            current = update(s, current, status);
          },
        };
        if (t.kind === 'mlflowTrackingServer') {
          const name = t.server.trackingServerName;
          await (action === 'start' ? access.startMlflowTrackingServer(t.region, name) : access.stopMlflowTrackingServer(t.region, name));
          current = update(s, t, action === 'start' ? 'Starting' : 'Stopping');
          const done = await access.waitForMlflowTrackingServer(t.region, name, action === 'start' ? 'Started' : 'Stopped', waiting);
          s.tree.updateTrackingServer(done);
          return { ...t, server: done };
        }
        if (t.kind === 'notebook') {
          const name = t.notebook.notebookInstanceName;
          await (action === 'start' ? access.startNotebookInstance(t.region, name) : access.stopNotebookInstance(t.region, name));
          current = update(s, t, action === 'start' ? 'Pending' : 'Stopping');
          const done = await access.waitForNotebookInstance(t.region, name, action === 'start' ? 'InService' : 'Stopped', waiting);
          s.tree.updateNotebook(done);
          return { ...t, notebook: done };
        }
        await (action === 'start' ? access.startSpace(t.region, t.space, o.spaceInstanceType) : access.stopSpace(t.region, t.space));
        current = update(s, t, action === 'start' ? 'Starting' : 'Stopping');
        const done = await access.waitForSpace(t.region, t.domain.domainId, t.space.spaceName, action === 'start' ? 'Running' : 'Stopped', waiting);
        s.tree.updateSpace(done);
        return { ...t, space: done };
      } catch (e) {
        if (token.isCancellationRequested) {
          s.log.info(`Stopped waiting for ${what} to ${action}; it carries on in SageMaker.`);
          void vscode.window.setStatusBarMessage(`Stopped waiting for ${what}; it carries on in SageMaker.`, 5000);
          return undefined;
        }
        // The wait failed or timed out: the row must not stay at "Starting"; it shows what SageMaker says now.
        await showRealState(s, t);
        throw e;
      } finally {
        sub.dispose();
      }
    },
  ));
}

type SpaceTarget = Extract<UrlTarget, { kind: 'space' }>;

/**
 * A space listed before its app state came in (tree row or palette item saying "checking…"):
 * its state asked now, one ListApps call (SpaceNameEquals), as the listing would have. The
 * listing's row learns it too.
 */
export async function withKnownState<T extends SpaceTarget>(s: ExtensionServices, t: T): Promise<T> {
  if (t.space.appState !== 'Unknown') {
    return t;
  }
  const space = await s.session.access().refreshSpaceApp(t.region, t.space);
  s.tree.updateSpace(space);
  return { ...t, space };
}

const START_AND_OPEN = 'Start and Open';

/** Before opening: a stopped space or notebook instance is started first, if the user agrees. */
export async function ensureRunning(s: ExtensionServices, t: UrlTarget): Promise<UrlTarget | undefined> {
  // MLflow apps and partner apps have no start or stop: the service says whether they open.
  if (t.kind === 'studio' || t.kind === 'mlflowApp' || t.kind === 'partnerApp' || isRunning(t)) {
    return t;
  }
  if (t.kind === 'space' && t.space.appState === 'Unknown') {
    return ensureRunning(s, await withKnownState(s, t));
  }
  const state = stateOf(t);
  if (state === 'Starting' || state === 'Pending') {
    const wait = await s.prompter().message('info', `The ${describeTarget(t)} is starting. Open it when it is ready?`, ['Wait and Open'], true);
    return wait ? waitUntilRunning(s, t) : undefined;
  }
  const choice = await s.prompter().message('info', `The ${describeTarget(t)} is ${state}. Start it and open it when it is ready?`, [START_AND_OPEN], true);
  if (choice !== START_AND_OPEN) {
    return undefined;
  }
  return transition(s, t, 'start');
}

async function waitUntilRunning(s: ExtensionServices, t: StartStopTarget): Promise<StartStopTarget | undefined> {
  const access = s.session.access();
  return s.poller.whileWaiting(stateKeyOf(t), () => vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Waiting for ${describeTarget(t)}`, cancellable: true },
    async (_progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        if (t.kind === 'mlflowTrackingServer') {
          const server = await access.waitForMlflowTrackingServer(t.region, t.server.trackingServerName, 'Started', { signal: abort.signal, pollMs: pollMs(s) });
          s.tree.updateTrackingServer(server);
          return { ...t, server };
        }
        if (t.kind === 'notebook') {
          const n = await access.waitForNotebookInstance(t.region, t.notebook.notebookInstanceName, 'InService', { signal: abort.signal, pollMs: pollMs(s) });
          s.tree.updateNotebook(n);
          return { ...t, notebook: n };
        }
        const sp = await access.waitForSpace(t.region, t.domain.domainId, t.space.spaceName, 'Running', { signal: abort.signal, pollMs: pollMs(s) });
        s.tree.updateSpace(sp);
        return { ...t, space: sp };
      } catch (e) {
        if (token.isCancellationRequested) {
          return undefined;
        }
        // The wait failed or timed out: the row must not stay at "Starting"; it shows what SageMaker says now.
        await showRealState(s, t);
        throw e;
      } finally {
        sub.dispose();
      }
    },
  ));
}
