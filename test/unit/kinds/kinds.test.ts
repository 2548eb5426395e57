import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isSingleUseUrl, urlCallInvocation, type SageMakerAccess } from '../../../src/aws/index';
import { RESOURCES, TARGETS, describeTarget, targetSpec, type Lifecycle, type TargetKind, type UrlTarget } from '../../../src/kinds/index';
import { checkRef } from '../../../src/links/kinds';
import { linkFor, parseLink } from '../../../src/links/link';
import { repoRoot } from '../../harness/paths';
import { emulatorFixture, type EmulatorFixture } from '../aws/fixture';

const model = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'reference', 'sagemaker-api-model.json'), 'utf8')) as {
  operations: Record<string, { input?: { shape: string } }>;
  shapes: Record<string, { members?: Record<string, unknown>; required?: string[] }>;
};

/** One target of each kind, listed from the demo data the way the tree and the palette list them. */
async function oneOfEach(access: SageMakerAccess): Promise<Record<TargetKind, UrlTarget>> {
  const region = 'us-east-1';
  const [domain] = (await access.listDomains(region)).items;
  const [profile] = (await access.listUserProfiles(region, domain.domainId)).items;
  const spaces = (await access.listSpacesFor(region, domain.domainId, profile.userProfileName)).items;
  const [notebook] = (await access.listNotebookInstances(region)).items;
  const [server] = (await access.listMlflowTrackingServers(region)).items;
  const [mlflowApp] = (await access.listMlflowApps(region)).items;
  const [partnerApp] = (await access.listPartnerApps(region)).items;
  assert.ok(domain && profile && spaces[0] && notebook && server && mlflowApp && partnerApp, 'the demo data has one of each kind');
  return {
    studio: { kind: 'studio', region, domain, userProfileName: profile.userProfileName },
    space: { kind: 'space', region, domain, space: spaces[0], userProfileName: profile.userProfileName },
    notebook: { kind: 'notebook', region, notebook },
    mlflowTrackingServer: { kind: 'mlflowTrackingServer', region, server },
    mlflowApp: { kind: 'mlflowApp', region, app: mlflowApp },
    partnerApp: { kind: 'partnerApp', region, app: partnerApp },
  };
}

/** One target of each kind that opens now (a URL is made only for a running or ready one). */
async function openableOfEach(access: SageMakerAccess): Promise<UrlTarget[]> {
  const targets = await oneOfEach(access);
  const region = 'us-east-1';
  const notebook = (await access.listNotebookInstances(region)).items.find((n) => n.status === 'InService');
  const server = (await access.listMlflowTrackingServers(region)).items.find((v) => v.isActive === 'Active');
  const app = (await access.listMlflowApps(region)).items.find((a) => a.status === 'Created' || a.status === 'Updated');
  assert.ok(notebook && server && app, 'the demo data has one of each that opens');
  return Object.values({ ...targets, notebook: { kind: 'notebook', region, notebook }, mlflowTrackingServer: { kind: 'mlflowTrackingServer', region, server }, mlflowApp: { kind: 'mlflowApp', region, app } });
}

/** What looking a reference up costs, where it is not one Describe call. */
const LOOKUP_CALLS: Partial<Record<TargetKind, number>> = {
  // CreatePresignedDomainUrl itself says whether the domain and user profile exist.
  studio: 0,
  // DescribeSpace, and ListApps for its app's state.
  space: 2,
};

describe('kinds: what each kind of resource is, written once (src/kinds/)', () => {
  let fx: EmulatorFixture;
  before(async () => {
    fx = await emulatorFixture();
  });
  after(async () => fx.close());

  it('files every kind under its own name, and links list the target kinds in their contract order', () => {
    for (const [name, spec] of Object.entries(RESOURCES)) {
      assert.equal(spec.kind, name);
      assert.ok(Object.values(spec.stored).some((f) => f?.[1] === true), `${name} needs at least one field`);
    }
    for (const [name, spec] of Object.entries(TARGETS)) {
      assert.equal(spec.kind, name);
    }
    assert.deepEqual(Object.keys(TARGETS), ['studio', 'space', 'notebook', 'mlflowTrackingServer', 'mlflowApp', 'partnerApp']);
  });

  it('keeps no URL-bearing field of any kind in the last-known tree', () => {
    for (const spec of Object.values(RESOURCES)) {
      for (const field of Object.keys(spec.stored)) {
        assert.doesNotMatch(field, /url|uri/i, `${spec.kind}.${field}`);
      }
    }
  });

  it('each target kind: its reference is a valid link, and looked up again (Studio: no call; a space: its Describe and its app; the others: one) names the same target', async () => {
    const access = fx.access();
    const targets = await oneOfEach(access);
    for (const t of Object.values(targets)) {
      const spec = targetSpec(t);
      const { ref, names } = spec.toRef(t);
      assert.equal(checkRef(ref), undefined, `${t.kind}: a valid reference`);
      const parsed = parseLink('/open', new URL(linkFor(ref)).search.slice(1));
      assert.ok(parsed.ok, `${t.kind}: its link parses`);
      assert.deepEqual(parsed.ref, ref, `${t.kind}: its link round-trips`);
      const before = fx.emu.callCount();
      const back = await spec.fromRef(access, ref, names);
      assert.equal(fx.emu.callCount() - before, LOOKUP_CALLS[t.kind] ?? 1, `${t.kind}: calls to look it up`);
      assert.deepEqual(spec.toRef(back).ref, ref, `${t.kind}: the same environment`);
      assert.equal(describeTarget(back), describeTarget(t), `${t.kind}: named the same`);
      assert.deepEqual(spec.copy(back), spec.copy(t), `${t.kind}: Copy ID / Copy ARN copy the same`);
    }
  });

  it('each target kind names the call its URL is made with: an operation of the API model, given its required members and no others', async () => {
    const targets = await oneOfEach(fx.access());
    for (const t of Object.values(targets)) {
      const call = targetSpec(t).urlCall(t);
      const invocation = urlCallInvocation(call, { expiresInSeconds: 60, sessionExpirationDurationInSeconds: 1800 });
      assert.equal(invocation.operation, call.operation, t.kind);
      const input = model.shapes[model.operations[call.operation]?.input?.shape ?? ''];
      assert.ok(input, `${t.kind}: ${call.operation} is an operation of the model`);
      const given = invocation.params.map(([m]) => m);
      for (const m of given) {
        assert.ok(m in (input.members ?? {}), `${t.kind}: ${m} is an input member of ${call.operation}`);
      }
      for (const m of input.required ?? []) {
        assert.ok(given.includes(m), `${t.kind}: ${call.operation} needs ${m}`);
      }
    }
  });

  it('each target kind: its URL is made by presignUrl from the call it names, with one call of that operation, for that resource', async () => {
    const access = fx.access();
    const targets = await openableOfEach(access);
    assert.deepEqual(targets.map((t) => t.kind), Object.keys(TARGETS));
    for (const t of targets) {
      const call = targetSpec(t).urlCall(t);
      fx.emu.reset();
      const url = await access.presignUrl(t.region, { ...call, expiresInSeconds: 60, sessionExpirationDurationInSeconds: 1800 });
      assert.equal(fx.emu.callCount(), 1, `${t.kind}: one call`);
      assert.equal(fx.emu.callCount(call.operation), 1, `${t.kind}: ${call.operation}`);
      const grants = fx.emu.presignedGrants();
      assert.equal(grants.length, 1, `${t.kind}: one URL granted`);
      const g = grants[0];
      // What the grant names is what the call named (the emulator checked each member against the model).
      const named = Object.fromEntries(Object.entries(call).filter(([k]) => k !== 'operation' && k !== 'spaceInfo'));
      for (const [k, v] of Object.entries(named)) {
        assert.equal(g[k as keyof typeof g], v, `${t.kind}: the URL is for its ${k}`);
      }
      assert.equal(g.singleUse, isSingleUseUrl(call.operation), `${t.kind}: single use as its operation says`);
      assert.ok(url.expiresAt.getTime() > Date.now(), `${t.kind}: an expiry`);
    }
  });

  it('a kind that starts and stops (space, notebook instance, tracking server) does so through its lifecycle, and says so in its state', async () => {
    const access = fx.access();
    const targets = await oneOfEach(access);
    const withLifecycle = Object.values(targets).filter((t) => targetSpec(t).lifecycle);
    assert.deepEqual(withLifecycle.map((t) => t.kind), ['space', 'notebook', 'mlflowTrackingServer']);
    for (const listed of withLifecycle) {
      const l = targetSpec(listed).lifecycle as Lifecycle<UrlTarget>;
      let t = (await l.readUnknown?.(access, listed)) ?? listed;
      t = await l.read(access, t);
      const order: ('start' | 'stop')[] = l.isRunning(t) ? ['stop', 'start'] : ['start', 'stop'];
      for (const action of order) {
        const seen: string[] = [];
        await l.call(access, t, action);
        t = await l.wait(access, t, action === 'start' ? 'running' : 'stopped', { pollMs: 20, onProgress: (s) => seen.push(s) });
        assert.equal(l.isRunning(t), action === 'start', `${t.kind} after ${action}: ${l.state(t)}`);
        assert.equal(l.stateKey(t), l.stateKey(listed), `${t.kind}: the same rows`);
      }
      assert.equal(l.state(l.withState(t, l.passing.start)), l.passing.start, `${t.kind}: shows the state it passes`);
    }
  });
});
