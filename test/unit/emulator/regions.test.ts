/** Opt-in regions not enabled for the account answer as AWS does: UnrecognizedClientException. */
import * as assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as sm from '@aws-sdk/client-sagemaker';
import { demoData, startEmulator } from '../../emulator';
import { client, rejectsWith, useEmulator } from './helpers';

const INVALID_TOKEN = 'The security token included in the request is invalid.';

describe('emulator disabled regions', () => {
  const { emu } = useEmulator();

  it('the demo account has af-south-1 not enabled: every operation there is UnrecognizedClientException (400)', async () => {
    assert.deepEqual(emu().disabledRegions, ['af-south-1']);
    const cape = client(emu(), { region: 'af-south-1' });
    const err = await rejectsWith(cape.send(new sm.ListDomainsCommand({})), 'UnrecognizedClientException', INVALID_TOKEN);
    assert.equal(err.$metadata.httpStatusCode, 400);
    await rejectsWith(cape.send(new sm.ListNotebookInstancesCommand({})), 'UnrecognizedClientException', INVALID_TOKEN);
    await rejectsWith(cape.send(new sm.ListMlflowTrackingServersCommand({})), 'UnrecognizedClientException', INVALID_TOKEN);
    // Even a request that would fail validation or has a bad secret: the region knows no credentials at all.
    await rejectsWith(cape.send(new sm.ListDomainsCommand({ MaxResults: 1000 })), 'UnrecognizedClientException', INVALID_TOKEN);
    await rejectsWith(client(emu(), { region: 'af-south-1', secretAccessKey: 'wrong-secret' }).send(new sm.ListDomainsCommand({})), 'UnrecognizedClientException');
    assert.ok((await client(emu(), { region: 'ap-southeast-2' }).send(new sm.ListDomainsCommand({}))).Domains, 'an enabled region without data is an empty account');
  });

  it('the disabledRegions option refuses a region even when the data set has data there', async () => {
    const other = await startEmulator({ disabledRegions: ['eu-west-1'] });
    try {
      assert.deepEqual(other.disabledRegions, ['af-south-1', 'eu-west-1']);
      await rejectsWith(client(other, { region: 'eu-west-1' }).send(new sm.ListDomainsCommand({})), 'UnrecognizedClientException', INVALID_TOKEN);
      assert.equal((await client(other).send(new sm.ListDomainsCommand({}))).Domains?.length, 3);
    } finally {
      await other.stop();
    }
    await assert.rejects(startEmulator({ disabledRegions: ['Cape Town'] }), /disabledRegions must hold region names such as "af-south-1"/);
  });

  it('a data file\'s "disabledRegions" is read and checked', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-emulator-'));
    try {
      const file = path.join(dir, 'data.json');
      fs.writeFileSync(file, JSON.stringify({ ...demoData(), disabledRegions: ['me-central-1'] }));
      const fromFile = await startEmulator({ data: file });
      try {
        assert.deepEqual(fromFile.disabledRegions, ['me-central-1']);
        await rejectsWith(client(fromFile, { region: 'me-central-1' }).send(new sm.ListDomainsCommand({})), 'UnrecognizedClientException');
        assert.deepEqual((await client(fromFile, { region: 'af-south-1' }).send(new sm.ListDomainsCommand({}))).Domains, []);
      } finally {
        await fromFile.stop();
      }
      fs.writeFileSync(file, JSON.stringify({ regions: {}, disabledRegions: 'af-south-1' }));
      await assert.rejects(startEmulator({ data: file }), /"disabledRegions" must be a list of region names/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('the CLI option --disabled-regions', () => {
    let child: ChildProcess | undefined;
    afterEach(() => {
      if (child && child.exitCode === null) {
        child.kill('SIGKILL');
      }
    });

    it('takes a comma-separated list', async () => {
      const cli = path.resolve(__dirname, '../../emulator/cli.js');
      child = spawn(process.execPath, [cli, '--port', '0', '--disabled-regions', 'eu-west-1, ap-east-1'], { stdio: ['ignore', 'pipe', 'pipe'] });
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child?.stdout?.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) {
            resolve(out.slice(0, out.indexOf('\n')));
          }
        });
        child?.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const m = /listening on (\S+) \(access key (\S+), secret (\S+)\)$/.exec(line);
      assert.ok(m, line);
      const emuLike = { url: m[1], accessKeyId: m[2], secretAccessKey: m[3] } as Parameters<typeof client>[0];
      for (const region of ['eu-west-1', 'ap-east-1', 'af-south-1']) {
        await rejectsWith(client(emuLike, { region }).send(new sm.ListDomainsCommand({})), 'UnrecognizedClientException', INVALID_TOKEN);
      }
      assert.equal((await client(emuLike).send(new sm.ListDomainsCommand({}))).Domains?.length, 3);
      child.kill('SIGTERM');
    });
  });
});
