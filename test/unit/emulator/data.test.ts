/** The data sets (demo, large, JSON file) and the CLI that serves them. */
import * as assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as sm from '@aws-sdk/client-sagemaker';
import { demoData, type EmulatorData, largeData, startEmulator } from '../../emulator';
import { loadApiModel } from '../../emulator/api-model';
import { patternRegExp } from '../../emulator/validation';
import { client } from './helpers';

const model = loadApiModel();

/** Checks a value against a model shape's pattern / enum / length, as the service's own data would satisfy them. */
function conforms(shapeName: string, value: string | undefined): boolean {
  const s = model.shapes[shapeName];
  if (value === undefined) {
    return false;
  }
  return (
    (!s.pattern || patternRegExp(s.pattern).test(value)) && (!s.enum || s.enum.includes(value)) && (s.max === undefined || value.length <= s.max) && (s.min === undefined || value.length >= s.min)
  );
}

function checkRealistic(data: EmulatorData): void {
  assert.match(data.accountId, /^\d{12}$/);
  for (const [region, r] of Object.entries(data.regions)) {
    for (const d of r.domains) {
      assert.match(d.domainId, /^d-[a-z0-9]{12}$/, d.domainId);
      assert.ok(conforms('DomainName', d.domainName), d.domainName);
      assert.ok(conforms('DomainStatus', d.status));
    }
    for (const u of r.userProfiles) {
      assert.ok(conforms('UserProfileName', u.userProfileName), u.userProfileName);
      assert.ok(r.domains.some((d) => d.domainId === u.domainId), `${region}: profile ${u.userProfileName} in a known domain`);
    }
    for (const s of r.spaces) {
      assert.ok(conforms('SpaceName', s.spaceName), s.spaceName);
      assert.ok(conforms('AppType', s.appType));
      if (s.sharingType === 'Private') {
        assert.ok(r.userProfiles.some((u) => u.domainId === s.domainId && u.userProfileName === s.ownerUserProfileName), `${s.spaceName} has an owner`);
      }
    }
    for (const a of r.apps) {
      assert.ok(conforms('AppStatus', a.status));
      assert.ok(a.instanceType === undefined || conforms('AppInstanceType', a.instanceType), a.instanceType);
      assert.ok(a.spaceName === undefined || r.spaces.some((s) => s.spaceName === a.spaceName && s.appType === a.appType), `app of ${a.spaceName} matches its space`);
    }
    for (const t of r.mlflowTrackingServers ?? []) {
      assert.ok(conforms('TrackingServerName', t.trackingServerName), t.trackingServerName);
      assert.ok(conforms('TrackingServerStatus', t.status), t.status);
      assert.ok(conforms('MlflowVersion', t.mlflowVersion), t.mlflowVersion);
      assert.ok(conforms('TrackingServerSize', t.trackingServerSize));
      assert.ok(conforms('S3Uri', t.artifactStoreUri), t.artifactStoreUri);
      assert.ok(t.weeklyMaintenanceWindowStart === undefined || conforms('WeeklyMaintenanceWindowStart', t.weeklyMaintenanceWindowStart));
      assert.ok(!Number.isNaN(Date.parse(t.creationTime)) && !Number.isNaN(Date.parse(t.lastModifiedTime)));
    }
    for (const a of r.mlflowApps ?? []) {
      assert.ok(conforms('MlflowAppName', a.name), a.name);
      assert.ok(conforms('MlflowAppStatus', a.status), a.status);
      assert.ok(conforms('MlflowAppArn', `arn:aws:sagemaker:${region}:${data.accountId}:mlflow-app/${a.appId}`), a.appId);
      assert.ok(conforms('MlflowVersion', a.mlflowVersion));
      assert.ok(conforms('S3Uri', a.artifactStoreUri));
      for (const id of a.defaultDomainIds ?? []) {
        assert.ok(r.domains.some((d) => d.domainId === id), `${a.name}: default for a known domain`);
      }
    }
    for (const p of r.partnerApps ?? []) {
      assert.ok(conforms('PartnerAppName', p.name), p.name);
      assert.ok(conforms('PartnerAppType', p.type));
      assert.ok(conforms('PartnerAppStatus', p.status));
      assert.ok(conforms('PartnerAppArn', `arn:aws:sagemaker:${region}:${data.accountId}:partner-app/${p.appId}`), p.appId);
    }
    for (const n of r.notebookInstances) {
      assert.ok(conforms('NotebookInstanceName', n.notebookInstanceName), n.notebookInstanceName);
      assert.ok(conforms('InstanceType', n.instanceType), n.instanceType);
      assert.ok(conforms('NotebookInstanceStatus', n.status));
      assert.ok(!Number.isNaN(Date.parse(n.creationTime)));
    }
  }
}

describe('emulator data', () => {
  it('demo: two regions, private and shared spaces of several app types, notebook instances in several states, all valid by the model', () => {
    const d = demoData();
    checkRealistic(d);
    assert.deepEqual(Object.keys(d.regions), ['us-east-1', 'eu-west-1']);
    const east = d.regions['us-east-1'];
    assert.ok(east.domains.length >= 2);
    assert.deepEqual(new Set(east.spaces.map((s) => s.sharingType)), new Set(['Private', 'Shared']));
    assert.ok(new Set(east.spaces.map((s) => s.appType)).size >= 3);
    assert.deepEqual(new Set(east.notebookInstances.map((n) => n.status)), new Set(['InService', 'Stopped', 'Pending', 'Failed']));
    assert.deepEqual(new Set(east.apps.map((a) => a.status)), new Set(['InService', 'Pending', 'Deleted', 'Failed']));
    assert.deepEqual(d.disabledRegions, ['af-south-1']);
    const west = d.regions['eu-west-1'];
    assert.deepEqual(
      west.domains.filter((x) => x.authMode === 'SSO').map((x) => x.domainId),
      ['d-4hn6xw8qrt2v'],
    );
    assert.ok(west.userProfiles.filter((u) => u.domainId === 'd-4hn6xw8qrt2v').length >= 1, 'the SSO domain has user profiles');
    assert.deepEqual(east.domains.map((x) => x.authMode), ['IAM', 'IAM', 'IAM']);
    for (const region of ['us-east-1', 'eu-west-1']) {
      const r = d.regions[region];
      assert.ok(new Set(r.mlflowTrackingServers?.map((t) => t.status)).size >= 3, `${region}: tracking servers in several states`);
      assert.ok(new Set(r.mlflowApps?.map((a) => a.status)).size >= 2, `${region}: MLflow apps in several states`);
      assert.ok(new Set(r.partnerApps?.map((p) => p.status)).size >= 2, `${region}: partner apps in several states`);
    }
    assert.deepEqual(new Set(east.partnerApps?.map((p) => p.type)), new Set(['lakera-guard', 'comet', 'deepchecks-llm-evaluation', 'fiddler']));
  });

  it('large: deterministic, thousands of profiles and spaces, hundreds of notebook instances, valid by the model', () => {
    const a = largeData();
    assert.deepEqual(a, largeData());
    checkRealistic(a);
    const r = a.regions['us-east-1'];
    assert.equal(r.userProfiles.length, 3000);
    assert.equal(r.spaces.length, 3500);
    assert.equal(r.notebookInstances.length, 400);
    assert.equal(r.mlflowTrackingServers?.length, 6);
    assert.equal(r.mlflowApps?.length, 4);
    assert.equal(r.partnerApps?.length, 4);
    assert.ok(new Set(r.mlflowTrackingServers?.map((t) => t.status)).size >= 3);
    assert.notDeepEqual(largeData({ seed: 7 }), a);
  });

  it('a JSON file of the same shape is served; a bad file is a clear error', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-emulator-'));
    try {
      const file = path.join(dir, 'data.json');
      const data = demoData();
      data.regions = { 'ap-northeast-1': { ...data.regions['eu-west-1'] } };
      fs.writeFileSync(file, JSON.stringify(data));
      const emu = await startEmulator({ data: file });
      try {
        assert.deepEqual(emu.regions, ['ap-northeast-1']);
        const out = await client(emu, { region: 'ap-northeast-1' }).send(new sm.ListDomainsCommand({}));
        assert.deepEqual(out.Domains?.map((d) => d.DomainName), ['eu-analytics', 'identity-center-lab']);
      } finally {
        await emu.stop();
      }
      fs.writeFileSync(file, '{"domains": []}');
      await assert.rejects(startEmulator({ data: file }), /must be an object with "regions"/);
      await assert.rejects(startEmulator({ data: path.join(dir, 'missing.json') }), /cannot read data file/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('data given in-process is copied: changes through the API do not touch the caller\'s object', async () => {
    const data = demoData();
    const emu = await startEmulator({ data, transitionDelayMs: 0 });
    try {
      await client(emu).send(new sm.StopNotebookInstanceCommand({ NotebookInstanceName: 'fraud-detection-dev' }));
      assert.equal(data.regions['us-east-1'].notebookInstances[0].status, 'InService');
    } finally {
      await emu.stop();
    }
  });
});

describe('emulator CLI', () => {
  const cli = path.resolve(__dirname, '../../emulator/cli.js');
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
    }
  });

  const firstLine = (p: ChildProcess): Promise<string> =>
    new Promise((resolve, reject) => {
      let out = '';
      p.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const nl = out.indexOf('\n');
        if (nl >= 0) {
          resolve(out.slice(0, nl));
        }
      });
      p.once('exit', (code) => reject(new Error(`exited ${code} before printing a line`)));
    });
  const exitCode = (p: ChildProcess): Promise<number | null> => new Promise((resolve) => (p.exitCode !== null ? resolve(p.exitCode) : p.once('exit', resolve)));

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints exactly the ready line, serves, and stops cleanly on ${signal}`, async () => {
      child = spawn(process.execPath, [cli, '--port', '0', '--data', 'demo'], { stdio: ['ignore', 'pipe', 'pipe'] });
      const line = await firstLine(child);
      const m = /^SageMaker emulator listening on (http:\/\/127\.0\.0\.1:(\d+)) \(access key (\S+), secret (\S+)\)$/.exec(line);
      assert.ok(m, `ready line: ${line}`);
      assert.ok(Number(m[2]) > 0);
      const emuLike = { url: m[1], accessKeyId: m[3], secretAccessKey: m[4] } as Parameters<typeof client>[0];
      const out = await client(emuLike).send(new sm.ListDomainsCommand({}));
      assert.equal(out.Domains?.length, 3);
      child.kill(signal);
      assert.equal(await exitCode(child), 0);
    });
  }

  it('a bad option exits 2 with a message naming it', async () => {
    child = spawn(process.execPath, [cli, '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    assert.equal(await exitCode(child), 2);
    assert.match(err, /--port must be an integer from 0 to 65535/);
  });
});

describe('emulator with the AWS CLI', () => {
  let aws: string | undefined;
  before(function () {
    try {
      aws = execFileSync('sh', ['-c', 'command -v aws'], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      aws = undefined;
    }
    if (!aws) {
      this.skip(); // shows as pending: the AWS CLI is not installed here
    }
  });

  it('aws --endpoint-url ... sagemaker list-domains works with the documented key pair (botocore signs too)', async () => {
    const emu = await startEmulator();
    try {
      const out = await new Promise<string>((resolve, reject) => {
        const p = spawn(aws ?? 'aws', ['--endpoint-url', emu.url, 'sagemaker', 'list-domains', '--output', 'json'], {
          env: { PATH: process.env.PATH, HOME: process.env.HOME, AWS_ACCESS_KEY_ID: emu.accessKeyId, AWS_SECRET_ACCESS_KEY: emu.secretAccessKey, AWS_DEFAULT_REGION: 'eu-west-1', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        p.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        p.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        p.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`aws exited ${code}: ${stderr}`))));
      });
      const parsed = JSON.parse(out) as { Domains: { DomainName: string }[] };
      assert.deepEqual(parsed.Domains.map((d) => d.DomainName), ['eu-analytics', 'identity-center-lab']);
    } finally {
      await emu.stop();
    }
  });
});
