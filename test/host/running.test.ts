/**
 * What runs, in one place (issue 24): the status-bar item `sagemaker.running` (count, hover), its
 * pick (open one, stop several after one confirmation), the scan's bounded calls and its pace, and
 * the reminder (`sagemaker.reminders.runningHours`): one notification, Stop / Open / Remind Me
 * Later, several as one, not repeated in another window of the same profile, the setting at once.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ApiCallRecord } from '../../src/aws/index';
import type { RunningItem } from '../../src/context';
import type { Log } from '../../src/log';
import { AFTER_LIFECYCLE_MS, RunningLater } from '../../src/running/later';
import { RunningReminder } from '../../src/running/reminder';
import { RunningScanner } from '../../src/running/scanner';
import { callCount, callsStill, emulator, resetSettings, setSetting, usePrompter, waitFor, ScriptedPrompter } from './helpers';

const US_EAST_RUNNING = ['alice-jupyterlab', 'fraud-detection-dev', 'mlflow-platform', 'paper-reproduction', 'research-tracking', 'team-analytics'];

describe('running environments: status item, pick and reminder', () => {
  const { api, prompter } = usePrompter();
  const scanner = (): RunningScanner => api().running().scanner;
  const names = (): string[] => scanner().items.map((i) => i.name).sort();

  before(async () => {
    await resetSettings();
    await emulator.reset();
    await setSetting('reminders.runningHours', 0);
  });
  beforeEach(async () => {
    await emulator.reset();
    await api().running().reminder.forget();
  });
  afterEach(async () => {
    scanner().setTiming({ automatic: false });
    prompter.assertDone();
    await emulator.clearFaults();
  });
  after(async () => {
    await api().running().reminder.forget();
    await resetSettings();
    await emulator.reset();
  });

  describe('the status item and its pick', () => {
    it('counts what runs in the tree\'s regions; its hover lists each with type, time and cost so far', async () => {
      await scanner().scanNow('test');
      assert.deepEqual(names(), US_EAST_RUNNING);
      const item = api().running().status.item;
      assert.equal(item.id, 'sagemaker.running');
      assert.equal(item.name, 'SageMaker: running environments');
      assert.equal(item.text, '$(vm-running) 6');
      assert.equal(item.command, 'sagemaker.showRunning');
      const hover = (item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
      assert.match(hover, /6 running SageMaker environments/);
      assert.match(hover, /team-analytics \(space, us-east-1\): ml\.g5\.xlarge · \d+ d( \d+ h)? · \$\d+\.\d\d so far/);
      assert.match(hover, /fraud-detection-dev \(notebook instance, us-east-1\): ml\.t3\.medium · since .* · at least \$\d+\.\d\d so far/);
      assert.match(hover, /mlflow-platform \(MLflow tracking server, us-east-1\): since /);
    });

    it('a scan makes bounded calls: status filters, apps per domain a page at a time, a price per type; the log says them', async () => {
      const lines: string[] = [];
      const log = api().services.log;
      const info = log.info.bind(log);
      log.info = (m: string) => {
        lines.push(m);
        info(m);
      };
      try {
        // A scan an earlier step asked for may still be running, and the tree's lists loading (a
        // loaded CI machine saw them counted here): their calls are not this scan's.
        await scanner().whenIdle();
        await callsStill();
        await emulator.resetCalls();
        await scanner().scanNow('test');
      } finally {
        log.info = info;
      }
      assert.deepEqual(
        await Promise.all(['ListNotebookInstances', 'ListMlflowTrackingServers', 'ListDomains', 'ListApps', 'DescribeSpace', 'ListSpaces'].map(callCount)),
        [1, 3, 1, 3, 0, 0],
      );
      const said = lines.find((l) => l.startsWith('Running environments: 6 running'));
      assert.match(said ?? lines.join('\n'), /calls us-east-1 8 \(ListNotebookInstances 1, ListMlflowTrackingServers 3, ListDomains 1, ListApps 3\)/);
    });

    it('backs off after throttling (twice the wait), and is back to 10 minutes after a scan that was not', async () => {
      // Throttled through the SDK's three attempts, for the first domain's apps.
      await emulator.setFault({ operation: 'ListApps', kind: 'throttle', times: 3 });
      await scanner().scanNow('test');
      assert.equal(scanner().intervalMs, 20 * 60_000);
      await emulator.clearFaults();
      await scanner().scanNow('test');
      assert.equal(scanner().intervalMs, 10 * 60_000);
    });

    it('the pick opens one with its button', async () => {
      await scanner().scanNow('test');
      prompter.script({ itemButton: 'Open', label: 'fraud-detection-dev' });
      await vscode.commands.executeCommand('sagemaker.showRunning');
      const pick = prompter.picks[0];
      assert.deepEqual(pick.items.map((i) => i.label).sort(), US_EAST_RUNNING);
      const gpu = pick.items.find((i) => i.label === 'team-analytics');
      assert.equal(gpu?.description, 'space · us-east-1 · $1.41/h');
      assert.match(gpu?.detail ?? '', /^ml\.g5\.xlarge · \d+ d/);
      assert.equal(prompter.opened.length, 1);
      assert.match(prompter.opened[0].toString(true), /\/notebook\/fraud-detection-dev/);
    });

    it('stops several after one confirmation (DeleteApp, StopNotebookInstance, StopMlflowTrackingServer), then counts again', async () => {
      await scanner().scanNow('test');
      await emulator.resetCalls();
      prompter.script({ pickMany: ['team-analytics', 'fraud-detection-dev', 'mlflow-platform'] }, { button: 'Stop' });
      await vscode.commands.executeCommand('sagemaker.showRunning');
      const question = prompter.messages.find((m) => m.modal);
      assert.match(question?.text ?? '', /^Stop these 3 environments: team-analytics \(space, us-east-1\), fraud-detection-dev \(notebook instance, us-east-1\), mlflow-platform/);
      assert.deepEqual(await Promise.all(['DeleteApp', 'StopNotebookInstance', 'StopMlflowTrackingServer'].map(callCount)), [1, 1, 1]);
      await waitFor(() => (names().length === 3 ? true : undefined), 'the scan after Stop');
      assert.deepEqual(names(), ['alice-jupyterlab', 'paper-reproduction', 'research-tracking']);
      assert.equal(api().running().status.item.text, '$(vm-running) 3');
    });

    it('scans again soon after a Start or Stop', async () => {
      await scanner().scanNow('test');
      const before = scanner().scannedAt;
      scanner().setTiming({ automatic: true, firstAfterMs: 3_600_000, afterLifecycleMs: 50 });
      await api().services.session.access().stopNotebookInstance('us-east-1', 'fraud-detection-dev');
      await waitFor(() => (scanner().scannedAt !== before && !names().includes('fraud-detection-dev') ? true : undefined), 'a scan after the stop');
    });
  });

  describe('the reminder', () => {
    afterEach(() => setSetting('reminders.runningHours', 0));

    it('several due at once are one notification naming how many, which opens the pick', async () => {
      await scanner().scanNow('test');
      prompter.script({ button: 'Show Them' }, { cancel: true });
      await setSetting('reminders.runningHours', 8);
      await waitFor(() => prompter.picks.length === 1 || undefined, 'the pick from the reminder');
      const shown = prompter.messages.filter((m) => !m.modal);
      assert.equal(shown.length, 1, 'one notification');
      assert.equal(shown[0].text, '6 SageMaker environments have been running for more than 8 h.');
      assert.deepEqual(shown[0].buttons, ['Show Them']);
    });

    it('one due: names it, its type, time and cost so far; Remind Me Later puts it off for as long again', async () => {
      await scanner().scanNow('test');
      // Only the tracking server created a year ago has run 18 days.
      prompter.script({ button: 'Remind Me Later' });
      await setSetting('reminders.runningHours', 432);
      await waitFor(() => prompter.messages.length === 1 || undefined, 'the reminder');
      await api().running().reminder.whenIdle();
      const m = prompter.messages[0];
      assert.match(m.text, /^research-tracking \(MLflow tracking server, us-east-1\) has been running at least \d+ d( \d+ h)?\.$/);
      assert.deepEqual(m.buttons, ['Stop', 'Open', 'Remind Me Later']);
      // Later on, the others would be due too: left out, to see this one's own turn.
      scanner().items = scanner().items.filter((i) => i.name === 'research-tracking');
      await api().running().reminder.check();
      await api().running().reminder.check(Date.now() + 431 * 3_600_000);
      assert.equal(prompter.messages.length, 1, 'put off for 432 h');
      // As long again: due once more.
      prompter.script({ button: 'Stop' }, { button: 'Stop' });
      await api().running().reminder.check(Date.now() + 433 * 3_600_000);
      await waitFor(async () => ((await callCount('StopMlflowTrackingServer')) === 1 ? true : undefined), 'Stop from the reminder');
      assert.match(prompter.messages.find((x) => x.modal)?.text ?? '', /^Stop research-tracking \(MLflow tracking server, us-east-1\)\?/);
    });

    it('a GPU space: its type and cost so far; Open opens it', async () => {
      await scanner().scanNow('test');
      const gpuOnly = scanner().items.filter((i) => i.name === 'team-analytics');
      scanner().items = gpuOnly;
      prompter.script({ button: 'Open' });
      await setSetting('reminders.runningHours', 8);
      await waitFor(() => prompter.opened.length === 1 || undefined, 'the space opened');
      assert.match(prompter.messages[0].text, /^team-analytics \(space, us-east-1\) has been running \d+ d( \d+ h)? on ml\.g5\.xlarge: \$\d+\.\d\d so far\.$/);
      assert.match(prompter.opened[0].toString(true), /\/auth\?token=/);
    });

    it('is not repeated in another window of the same profile (the shared global state)', async () => {
      await scanner().scanNow('test');
      prompter.script({ button: 'Remind Me Later' });
      await setSetting('reminders.runningHours', 432);
      await waitFor(() => prompter.messages.length === 1 || undefined, 'the reminder');
      await api().running().reminder.whenIdle();
      const other = new ScriptedPrompter();
      const window2 = new RunningReminder(scanner(), { ...api().running().reminder.host, prompter: () => other });
      try {
        await window2.check();
        assert.equal(other.messages.length, 0, 'the other window says nothing');
      } finally {
        window2.dispose();
      }
    });

    it('0 turns it off', async () => {
      await setSetting('reminders.runningHours', 0);
      await scanner().scanNow('test');
      await api().running().reminder.check();
      assert.equal(prompter.messages.length, 0);
    });
  });
});

/**
 * Until the first scan is due, activation holds a stand-in (src/running/later.ts) and the scanner,
 * status item and reminder wait in dist/commands.js: started when the first scan is due, after a
 * Start or Stop call, or when a command asks what runs, so a user sees the same as before.
 */
describe('running environments before their code loads', () => {
  function parts() {
    const started: number[] = [];
    const changed = new vscode.EventEmitter<void>();
    const scans: string[] = [];
    const scanner = {
      items: [] as readonly RunningItem[],
      scannedAt: undefined as number | undefined,
      onDidChange: changed.event,
      scanNow(why: string): Promise<void> {
        scans.push(why);
        return Promise.resolve();
      },
    };
    const log = { apiCallListeners: new Set<(r: ApiCallRecord) => void>(), error: (_what: string, e: unknown) => assert.fail(String(e)) } as unknown as Log;
    const start = (firstAfterMs: number) => {
      started.push(firstAfterMs);
      return { scanner, dispose: () => changed.dispose() };
    };
    const call = (operation: string, outcome: 'ok' | 'error'): void => {
      for (const l of [...log.apiCallListeners]) {
        l({ operation, region: 'us-east-1', durationMs: 1, outcome });
      }
    };
    return { started, changed, scans, scanner, log, start, call };
  }

  it('starts them when the first scan is due, scanning at once, and once only; then says what the scanner says', async () => {
    const p = parts();
    const later = new RunningLater(p.log, p.start, { automatic: true, firstAfterMs: 300 });
    try {
      assert.deepEqual([later.items, later.scannedAt], [[], undefined]);
      await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(p.started, [], 'not before the first scan is due');
      await waitFor(() => p.started.length === 1 || undefined, 'the first scan due');
      assert.deepEqual(p.started, [0], 'the scanner scans at once');
      let told = 0;
      later.onDidChange(() => told++);
      p.scanner.items = [{ kind: 'notebook', region: 'us-east-1', name: 'fraud-detection-dev' } as RunningItem];
      p.scanner.scannedAt = Date.now();
      p.changed.fire();
      assert.equal(told, 1, 'a scan is told to those listening to the stand-in (the pick)');
      assert.equal(later.items, p.scanner.items);
      assert.equal(later.scannedAt, p.scanner.scannedAt);
      later.parts();
      assert.deepEqual(p.started, [0], 'started once');
    } finally {
      later.dispose();
    }
  });

  it('a successful Start or Stop call before then starts them, the scan soon after; other calls and failed ones do not', () => {
    const p = parts();
    const later = new RunningLater(p.log, p.start, { automatic: true, firstAfterMs: 3_600_000 });
    try {
      p.call('ListApps', 'ok');
      p.call('StopNotebookInstance', 'error');
      assert.deepEqual(p.started, []);
      p.call('DeleteApp', 'ok');
      assert.deepEqual(p.started, [AFTER_LIFECYCLE_MS]);
      assert.equal(p.log.apiCallListeners.size, 0, 'the scanner listens for the next calls itself');
    } finally {
      later.dispose();
    }
  });

  it('a command asking what runs (the pick) starts them and scans; without automatic scans nothing starts on its own', async () => {
    const p = parts();
    const later = new RunningLater(p.log, p.start, { automatic: false, firstAfterMs: 10 });
    try {
      p.call('StartNotebookInstance', 'ok');
      await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(p.started, []);
      await later.scanNow('the pick of running environments');
      assert.deepEqual(p.started.length, 1);
      assert.deepEqual(p.scans, ['the pick of running environments']);
    } finally {
      later.dispose();
    }
  });
});
