/**
 * Start, stop and waiting, for any kind that has them: what each call is, which state means
 * running, the states it passes and the poller's key are the kind's own (`lifecycle`,
 * src/kinds/<kind>.ts); its rows take each state through the tree (`updateTarget`).
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../context';
import { UserFacingError } from '../errors';
import { describeTarget, targetSpec, TARGETS, type Lifecycle } from '../kinds/index';
import type { Node } from '../tree/nodes';
import { askTarget, targetFromNode, type UrlTarget } from './targets';

/** The kinds that start and stop, in the order the palette offers them. */
const START_STOP_KINDS = ['notebook', 'space', 'mlflowTrackingServer'] as const;
type StartStopKind = (typeof START_STOP_KINDS)[number];

export type StartStopTarget = Extract<UrlTarget, { kind: StartStopKind }>;

/** How the target's kind is started and stopped; undefined for a kind that is not (Studio, MLflow apps, partner apps). */
function lifecycleOf<T extends UrlTarget>(t: T): Lifecycle<T> | undefined {
  return targetSpec(t).lifecycle as Lifecycle<T> | undefined;
}

/** Whether the target can be started and stopped (a space's app, a notebook instance, a tracking server). */
function isStartStop(t: UrlTarget): t is StartStopTarget {
  return lifecycleOf(t) !== undefined;
}

/** The lifecycle of a target known to have one. */
function lifecycle<T extends UrlTarget>(t: T): Lifecycle<T> {
  const l = lifecycleOf(t);
  if (!l) {
    throw new UserFacingError(`The ${describeTarget(t)} cannot be started or stopped.`);
  }
  return l;
}

/** Running (or InService), i.e. a URL for it opens something. */
export function isRunning(t: StartStopTarget): boolean {
  return lifecycle(t).isRunning(t);
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
  const kind = await s.prompter().pick<StartStopKind>({
    title: `${verb}`,
    placeholder: `What to ${verb.toLowerCase()}`,
    items: START_STOP_KINDS.map((k) => ({ label: TARGETS[k].label, description: TARGETS[k].lifecycle?.starts, value: k })),
  });
  if (!kind) {
    return undefined;
  }
  return (await askTarget(s, kind)) as StartStopTarget | undefined;
}

/** The target as a state seen says it, on its rows too. */
function update<T extends UrlTarget>(s: ExtensionServices, t: T, status: string): T {
  const next = lifecycle(t).withState(t, status);
  s.tree.updateTarget(next);
  return next;
}

/** Describes the resource again and puts its state on its rows; a failure here is logged, not shown twice. */
async function showRealState(s: ExtensionServices, t: UrlTarget): Promise<void> {
  try {
    s.tree.updateTarget(await lifecycle(t).read(s.session.access(), t));
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
  const t = await withKnownState(s, target);
  const l = lifecycle(t);
  const what = describeTarget(t);
  if (action === 'start' && l.isRunning(t)) {
    throw new UserFacingError(`The ${what} is already running.`);
  }
  if (action === 'stop' && l.state(t) === 'Stopped') {
    throw new UserFacingError(`The ${what} is already stopped.`);
  }
  return s.poller.whileWaiting(l.stateKey(t), () => vscode.window.withProgress(
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
        await l.call(access, t, action, o.spaceInstanceType);
        current = update(s, t, l.passing[action]);
        const done = await l.wait(access, t, action === 'start' ? 'running' : 'stopped', waiting);
        s.tree.updateTarget(done);
        return done;
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

/**
 * A target listed before its state came in (a space's row or palette item saying "checking…"):
 * its state asked now, as its kind says (a space: one ListApps call, SpaceNameEquals, as the
 * listing would have made). Its rows learn it too.
 */
export async function withKnownState<T extends UrlTarget>(s: ExtensionServices, t: T): Promise<T> {
  const reading = lifecycleOf(t)?.readUnknown?.(s.session.access(), t);
  if (!reading) {
    return t;
  }
  const known = await reading;
  s.tree.updateTarget(known);
  return known;
}

const START_AND_OPEN = 'Start and Open';

/** Before opening: a stopped space, notebook instance or tracking server is started first, if the user agrees. */
export async function ensureRunning(s: ExtensionServices, t: UrlTarget): Promise<UrlTarget | undefined> {
  // Studio, MLflow apps and partner apps have no start or stop: the service says whether they open.
  if (!isStartStop(t) || isRunning(t)) {
    return t;
  }
  const known = await withKnownState(s, t);
  if (known !== t) {
    return ensureRunning(s, known);
  }
  const state = lifecycle(t).state(t);
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

async function waitUntilRunning<T extends StartStopTarget>(s: ExtensionServices, t: T): Promise<T | undefined> {
  const l = lifecycle(t);
  return s.poller.whileWaiting(l.stateKey(t), () => vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Waiting for ${describeTarget(t)}`, cancellable: true },
    async (_progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        const running = await l.wait(s.session.access(), t, 'running', { signal: abort.signal, pollMs: pollMs(s) });
        s.tree.updateTarget(running);
        return running;
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
