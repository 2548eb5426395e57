/**
 * Child process of spaces-plain.ts: a profile's spaces listed in plain Node against the bench's
 * endpoint (its address and keys in the environment), with the bare SDK and with the
 * extension's AWS layer. Prints the timings as one JSON line.
 */
import { ListSpacesCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { createSageMakerAccess } from '../../src/aws/index';
import { EMULATOR_URL_ENV } from '../harness/fixtures';
import { requestStartMs } from './request-start';

/** `runs` timings of `action` after one warm-up run (connections, the SDK's first pass); `after` runs untimed after each. */
async function timed<T>(runs: number, action: () => Promise<T>, after: (result: T) => Promise<unknown> = () => Promise.resolve()): Promise<number[]> {
  await after(await action());
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = await action();
    ms.push(performance.now() - started);
    await after(result);
  }
  return ms;
}

async function main(): Promise<void> {
  const [region, domainName, profile, runs] = process.argv.slice(2);
  const endpoint = process.env[EMULATOR_URL_ENV];
  const access = createSageMakerAccess({ regions: [region], endpointUrl: endpoint });
  const domain = (await access.listDomains(region)).items.find((d) => d.domainName === domainName);
  if (!domain) {
    throw new Error(`no domain ${domainName} in ${region}`);
  }
  const client = new SageMakerClient({ region, endpoint });
  const bare = await timed(Number(runs), () => client.send(new ListSpacesCommand({ DomainIdEquals: domain.domainId, MaxResults: 100 })));
  // As the tree lists them: the rows come back after one round trip; the states that fill in
  // after are awaited before the next run, outside its time.
  const ours = await timed(
    Number(runs),
    () => access.listSpacesFor(region, domain.domainId, profile, { onAppStates: () => undefined }),
    (page) => page.states ?? Promise.resolve(),
  );
  client.destroy();
  access.dispose();
  const requestStart = requestStartMs(endpoint ?? '');
  process.stdout.write(JSON.stringify({ bare, ours, requestStart }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
