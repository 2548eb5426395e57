/**
 * `npm run emulator -- --port <n> --data <demo|large|file> [--delay <ms>] [--latency <ms>]`:
 * runs the local SageMaker endpoint until SIGINT/SIGTERM and prints exactly one ready line.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_TRANSITION_DELAY_MS, startEmulator } from './index';

const USAGE =
  'usage: npm run emulator -- [--port <0-65535>] [--data <demo|large|path/to/data.json>] [--delay <transition ms>] [--latency <ms>] [--disabled-regions <region,region...>] [--verbose]';

function intOption(name: string, value: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) {
    return fallback;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw new Error(`--${name} must be an integer from 0 to ${max}, got '${value}'`);
  }
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      delay: { type: 'string' },
      latency: { type: 'string' },
      'disabled-regions': { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const emulator = await startEmulator({
    port: intOption('port', values.port, 0, 65535),
    data: values.data ?? 'demo',
    transitionDelayMs: intOption('delay', values.delay, DEFAULT_TRANSITION_DELAY_MS),
    latencyMs: intOption('latency', values.latency, 0),
    disabledRegions: values['disabled-regions']
      ?.split(',')
      .map((r) => r.trim())
      .filter((r) => r !== ''),
    // After the ready line, one line per call on stderr: never bodies (they hold presigned URLs).
    onCall: values.verbose
      ? (c) => console.error(`${new Date().toISOString()} ${c.operation} ${c.region ?? '-'} ${c.status}${c.errorType ? ` ${c.errorType}` : ''} ${c.durationMs}ms`)
      : undefined,
  });
  console.log(`SageMaker emulator listening on ${emulator.url} (access key ${emulator.accessKeyId}, secret ${emulator.secretAccessKey})`);
  const stop = (): void => {
    emulator.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(`SageMaker emulator: error while stopping: ${(e as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`SageMaker emulator: ${(e as Error).message}\n${USAGE}`);
  process.exit(2);
});
