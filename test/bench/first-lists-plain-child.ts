/**
 * Child process of first-lists-plain.ts: a cold open's first lists in plain Node, as the extension
 * makes them (its AWS layer, the production dist/sdk.js from its code cache, the tree's page size),
 * against the bench's endpoint (address and keys in the environment). One run per process, as in a
 * new extension host. Prints one JSON line.
 */
import * as path from 'node:path';
import { configureSdkCodeCache, createSageMakerAccess, sdkLoadInfo, writeSdkCodeCache, type HostModules } from '../../src/aws/index';
import { EMULATOR_URL_ENV } from '../harness/fixtures';

/** tsc's out/ folder: the modules dist/sdk.js takes from dist/extension.js are its compiled ones here. */
const OUT = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const [sdkFile, cacheDir, region, pageSize] = process.argv.slice(2);
  // By path, as dist/extension.js hands them over ("src/aws/errors.ts"): the same instances this file imports.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const hostModules: HostModules = new Proxy({}, { get: (_t, key) => require(path.join(OUT, String(key).replace(/\.ts$/, '.js'))) as object });
  configureSdkCodeCache({ dir: cacheDir, hostModules, file: sdkFile });
  const access = createSageMakerAccess({ regions: [region], endpointUrl: process.env[EMULATOR_URL_ENV] });
  const o = { maxResults: Number(pageSize) };
  const started = performance.now();
  await Promise.all([
    access.listDomains(region, o),
    access.listNotebookInstances(region, o),
    access.listMlflowTrackingServers(region, o),
    access.listMlflowApps(region, o),
    access.listPartnerApps(region, o),
  ]);
  const ms = performance.now() - started;
  const load = sdkLoadInfo();
  // As the extension does: the cache is written after the first lists (a missing one, here on the first run).
  writeSdkCodeCache();
  access.dispose();
  process.stdout.write(JSON.stringify({ ms, sdkLoadMs: load?.loadMs, cache: load?.cache }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
