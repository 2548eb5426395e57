/** The manifest's "Connect with Remote SSH" menus: on JupyterLab and Code Editor space rows only, Start and Stop on every space. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NO_REMOTE_CONTEXT } from '../../../src/remote/names';
import { repoRoot } from '../../harness/paths';

interface MenuEntry { command: string; when?: string; group?: string }
const menus = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: { menus: Record<string, MenuEntry[]> } }).contributes.menus;

/** The tree's context-menu commands (inline or not) whose `when` matches a row with this contextValue. */
function menuFor(contextValue: string, inline: boolean): string[] {
  return menus['view/item/context']
    .filter((e) => (e.group ?? '').startsWith('inline') === inline)
    .filter((e) => {
      const regex = /viewItem =~ \/(.*)\/$/.exec(e.when ?? '');
      const equal = /viewItem == (\S+)$/.exec(e.when ?? '');
      return regex ? new RegExp(regex[1]).test(contextValue) : equal?.[1] === contextValue;
    })
    .map((e) => e.command);
}

describe('package.json: Connect with Remote SSH in the menus of the spaces it works for', () => {
  it('a JupyterLab or Code Editor space row (sagemaker.space.<state>) has it inline and in its context menu, in every state', () => {
    for (const state of ['running', 'stopped', 'starting', 'failed', 'unknown']) {
      assert.ok(menuFor(`sagemaker.space.${state}`, true).includes('sagemaker.connectSpace'), `inline, ${state}`);
      assert.ok(menuFor(`sagemaker.space.${state}`, false).includes('sagemaker.connectSpace'), `context menu, ${state}`);
    }
  });

  it('a row of another app type (RStudio, Canvas…: sagemaker.space.<state>.noRemote) has it nowhere, and keeps its other actions', () => {
    assert.equal(NO_REMOTE_CONTEXT, '.noRemote');
    for (const state of ['running', 'stopped']) {
      const context = `sagemaker.space.${state}${NO_REMOTE_CONTEXT}`;
      assert.ok(!menuFor(context, true).includes('sagemaker.connectSpace'), `inline, ${state}`);
      assert.ok(!menuFor(context, false).includes('sagemaker.connectSpace'), `context menu, ${state}`);
      assert.deepEqual(menuFor(context, true), menuFor(`sagemaker.space.${state}`, true).filter((c) => c !== 'sagemaker.connectSpace'));
      assert.deepEqual(menuFor(context, false), menuFor(`sagemaker.space.${state}`, false).filter((c) => c !== 'sagemaker.connectSpace'));
    }
    assert.ok(menuFor(`sagemaker.space.stopped${NO_REMOTE_CONTEXT}`, false).includes('sagemaker.start'));
    assert.ok(menuFor(`sagemaker.space.running${NO_REMOTE_CONTEXT}`, false).includes('sagemaker.stop'));
  });
});
