/**
 * Figures for the AWS access layer against the local SageMaker endpoint (prints, asserts nothing):
 * import and SDK load times, first and warm call latency, and the API calls a user profile's
 * space listing costs in the large data set. Run: npm run compile && node out/test/bench/aws-access.js
 */
import { performance } from 'node:perf_hooks';

async function main(): Promise<void> {
  let t = performance.now();
  const aws = await import('../../src/aws/index');
  const importMs = performance.now() - t;
  const { startEmulator } = await import('../emulator/index');
  const emu = await startEmulator({ data: 'large', transitionDelayMs: 100 });
  process.env.AWS_ACCESS_KEY_ID = emu.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = emu.secretAccessKey;
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  const access = aws.createSageMakerAccess({ endpointUrl: emu.url });
  try {
    t = performance.now();
    await access.listDomains('us-east-1');
    const firstCallMs = performance.now() - t;
    const warm: number[] = [];
    for (let i = 0; i < 20; i++) {
      t = performance.now();
      await access.listDomains('us-east-1');
      warm.push(performance.now() - t);
    }
    warm.sort((a, b) => a - b);

    const domainId = 'd-large0000001';
    const rows: string[] = [];
    for (const profile of ['user-00000', 'user-01500', 'user-02999']) {
      emu.resetCallCounts();
      t = performance.now();
      let pages = 0;
      let spaces = 0;
      let nextToken: string | undefined;
      do {
        const page = await access.listSpacesFor('us-east-1', domainId, profile, { nextToken });
        pages++;
        spaces += page.items.length;
        nextToken = page.nextToken;
      } while (nextToken);
      rows.push(
        `  ${profile}: ${spaces} spaces in ${pages} pages, ${emu.callCount('ListSpaces')} ListSpaces + ${emu.callCount('ListApps')} ListApps calls, ${(performance.now() - t).toFixed(0)} ms`,
      );
    }
    emu.resetCallCounts();
    t = performance.now();
    const first = await access.listSpacesFor('us-east-1', domainId, 'user-01500');
    const firstPage = `first page for user-01500: ${first.items.length} spaces, ${emu.callCount('ListSpaces')} ListSpaces + ${emu.callCount('ListApps')} ListApps calls, ${(performance.now() - t).toFixed(0)} ms`;

    emu.resetCallCounts();
    t = performance.now();
    await access.presignUrl('us-east-1', { operation: 'CreatePresignedDomainUrl', domainId, userProfileName: 'user-01500', spaceName: first.items[0].spaceName });
    const presign = `presigned URL for a listed space: ${emu.callCount()} call(s), ${(performance.now() - t).toFixed(1)} ms`;

    console.log('AWS access layer benchmark (local SageMaker endpoint, large data set)');
    console.log(`import src/aws/index: ${importMs.toFixed(1)} ms (no SDK loaded)`);
    console.log(`first call (SDK load + client + credentials + ListDomains): ${firstCallMs.toFixed(1)} ms`);
    console.log(`warm ListDomains: median ${warm[10].toFixed(1)} ms, p95 ${warm[18].toFixed(1)} ms`);
    console.log(firstPage);
    console.log('all spaces of a user profile (ListSpaces pages of 100):');
    rows.forEach((r) => console.log(r));
    console.log(presign);
  } finally {
    access.dispose();
    await emu.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
