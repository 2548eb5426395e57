/** The manifest's parts for MLflow, partner AI apps and sagemaker.resourceTypes: what menus and settings a user gets. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../harness/paths';

interface MenuEntry { command: string; when?: string; group?: string }
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string }[];
    menus: Record<string, MenuEntry[]>;
    configuration: { properties: Record<string, { default?: unknown; scope?: string; items?: { enum?: string[] } }> };
    viewsWelcome: { when: string; contents: string }[];
  };
};

/** The context-menu commands whose `when` matches a row with this contextValue. */
function menuFor(contextValue: string, inline = false): string[] {
  return manifest.contributes.menus['view/item/context']
    .filter((e) => (e.group ?? '').startsWith('inline') === inline)
    .filter((e) => {
      const m = /viewItem =~ \/(.*)\/$/.exec(e.when ?? '') ?? /viewItem == (\S+)$/.exec(e.when ?? '');
      if (!m) {
        return false;
      }
      return e.when!.includes('=~') ? new RegExp(m[1]).test(contextValue) : m[1] === contextValue;
    })
    .map((e) => e.command);
}

describe('package.json: MLflow, partner AI apps and resource types', () => {
  it('declares the six open/copy commands', () => {
    const ids = manifest.contributes.commands.map((c) => c.command);
    for (const id of ['openMlflowTrackingServer', 'copyMlflowTrackingServerUrl', 'openMlflowApp', 'copyMlflowAppUrl', 'openPartnerApp', 'copyPartnerAppUrl']) {
      assert.ok(ids.includes(`sagemaker.${id}`), id);
    }
  });

  it('sagemaker.resourceTypes: the four kinds as enum items, all by default, application scope', () => {
    const p = manifest.contributes.configuration.properties['sagemaker.resourceTypes'];
    assert.deepEqual(p.items?.enum, ['studioDomains', 'notebookInstances', 'mlflow', 'partnerApps']);
    assert.deepEqual(p.default, ['studioDomains', 'notebookInstances', 'mlflow', 'partnerApps']);
    assert.equal(p.scope, 'application');
  });

  it('a stopped tracking server offers Start, a running one Stop; both open and copy inline', () => {
    assert.ok(menuFor('sagemaker.mlflowTrackingServer.stopped').includes('sagemaker.start'));
    assert.ok(!menuFor('sagemaker.mlflowTrackingServer.stopped').includes('sagemaker.stop'));
    assert.ok(menuFor('sagemaker.mlflowTrackingServer.running').includes('sagemaker.stop'));
    assert.ok(!menuFor('sagemaker.mlflowTrackingServer.starting').includes('sagemaker.start'));
    assert.deepEqual(menuFor('sagemaker.mlflowTrackingServer.running', true), ['sagemaker.openMlflowTrackingServer', 'sagemaker.copyMlflowTrackingServerUrl']);
    assert.deepEqual(menuFor('sagemaker.mlflowApp.created', true), ['sagemaker.openMlflowApp', 'sagemaker.copyMlflowAppUrl']);
    assert.deepEqual(menuFor('sagemaker.partnerApp.available', true), ['sagemaker.openPartnerApp', 'sagemaker.copyPartnerAppUrl']);
    assert.ok(menuFor('sagemaker.partnerApp.available').includes('sagemaker.copyArn'));
    assert.ok(!menuFor('sagemaker.partnerApp.available').includes('sagemaker.start'));
  });

  it('the empty-view text names every kind and the setting that chooses them', () => {
    const empty = manifest.contributes.viewsWelcome.find((w) => w.when === 'sagemaker.viewState == empty');
    assert.match(empty?.contents ?? '', /Studio domains, notebook instances, MLflow, partner AI apps/);
    assert.match(empty?.contents ?? '', /sagemaker\.resourceTypes/);
  });
});
