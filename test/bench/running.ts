/**
 * Figures for the running-environments scan (issue 24) against the local SageMaker endpoint with
 * the large data set and 50 ms per round trip, as the rest of the bench (prints, asserts nothing):
 * the calls and time of a scan of its one region, the prices it looks up, and the heap its result
 * keeps (what the status item, its pick and the reminder hold). Run: npm run bench:running
 */
import { performance } from 'node:perf_hooks';

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

async function main(): Promise<void> {
  const aws = await import('../../src/aws/index');
  const { startEmulator } = await import('../emulator/index');
  const emu = await startEmulator({ data: 'large', transitionDelayMs: 100, latencyMs: 50 });
  process.env.AWS_ACCESS_KEY_ID = emu.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = emu.secretAccessKey;
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  const access = aws.createSageMakerAccess({ endpointUrl: emu.url });
  try {
    // A first scan loads the SDK and makes the clients: not what a scan costs later.
    await access.scanRunning('us-east-1');
    emu.resetCallCounts();
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const t = performance.now();
    const scan = await access.scanRunning('us-east-1');
    const scanMs = performance.now() - t;
    const types = [...new Set(scan.items.flatMap((i) => (i.instanceType?.startsWith('ml.') ? [`${i.kind === 'space' ? 'space' : 'notebook'}|${i.instanceType}`] : [])))];
    const tp = performance.now();
    for (const key of types) {
      const [kind, type] = key.split('|') as ['space' | 'notebook', string];
      await access.instancePrice('us-east-1', type, kind);
    }
    const pricesMs = performance.now() - tp;
    const calls = emu.callCount();
    gc();
    const heapAfter = process.memoryUsage().heapUsed;
    const byKind = scan.items.reduce<Record<string, number>>((m, i) => ({ ...m, [i.kind]: (m[i.kind] ?? 0) + 1 }), {});
    console.log('Running-environments scan (local endpoint, large data set, 50 ms a round trip)');
    console.log(`scan of us-east-1: ${scan.items.length} running (${Object.entries(byKind).map(([k, n]) => `${k} ${n}`).join(', ')}), ${Object.values(scan.calls).reduce((a, b) => a + b, 0)} calls (${Object.entries(scan.calls).map(([op, n]) => `${op} ${n}`).join(', ')}), ${scanMs.toFixed(0)} ms`);
    console.log(`prices of its ${types.length} (kind, type) pairs: ${pricesMs.toFixed(0)} ms, then kept a day; calls in all ${calls}`);
    console.log(`heap the kept result adds: ${((heapAfter - heapBefore) / 1024).toFixed(0)} KiB${(globalThis as { gc?: unknown }).gc ? '' : ' (run with --expose-gc for a steady figure)'}`);
    void scan;
  } finally {
    access.dispose();
    await emu.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
