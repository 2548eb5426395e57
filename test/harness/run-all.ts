import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { isResultLine, parseCounts, type SkippedTest } from './results';

/**
 * `npm test`: runs the tiers named on the command line (default unit, host, ui) one after the
 * other, each in its own process, and ends with exactly one line counting every test:
 * `tests: N passed, N failed, N skipped`, after a list of the skipped tests with why.
 * Exits non-zero if a test failed, a tier crashed or no test ran.
 * A tier that crashes (no result) or runs no test counts as one failed test, so the last line
 * never looks green when something went wrong.
 */
const ALL_TIERS = ['unit', 'host', 'ui'] as const;
const TIER_TIMEOUT_MS = Number(process.env.TIER_TIMEOUT_MS ?? 30 * 60_000);

interface TierOutcome {
  name: string;
  passed: number;
  failed: number;
  skipped: SkippedTest[];
  seconds: number;
  crash?: string;
}

let current: ReturnType<typeof spawn> | undefined;
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    // The tier cleans up after itself on this signal (code-server, Chromium); wait for it.
    interrupted = true;
    current?.kill(signal);
  });
}

function runTier(name: string): Promise<TierOutcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'tier.js'), name], { stdio: ['ignore', 'pipe', 'inherit'] });
    current = child;
    let output = '';
    let pending = '';
    child.stdout.on('data', (d: Buffer) => {
      const text = d.toString();
      output += text;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!isResultLine(line, 'tier')) {
          process.stdout.write(`${line}\n`);
        }
      }
    });
    const timer = setTimeout(() => {
      console.error(`\nThe ${name} tier did not finish within ${TIER_TIMEOUT_MS / 60_000} min; stopping it.`);
      child.kill('SIGTERM');
    }, TIER_TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      current = undefined;
      if (pending && !isResultLine(pending, 'tier')) {
        process.stdout.write(`${pending}\n`);
      }
      const seconds = (Date.now() - started) / 1000;
      const counts = parseCounts(output, 'tier');
      if (!counts) {
        resolve({ name, passed: 0, failed: 1, skipped: [], seconds, crash: `crashed (exit ${code ?? signal}) without results` });
      } else if (counts.passed + counts.failed === 0) {
        // A tier whose files went missing, or whose tests were all skipped, must not pass quietly.
        resolve({ name, passed: 0, failed: 1, skipped: counts.skipped, seconds, crash: 'ran no tests' });
      } else if (counts.failed === 0 && code !== 0) {
        resolve({ name, ...counts, failed: 1, seconds, crash: `exited with ${code ?? signal} after its tests` });
      } else {
        resolve({ name, ...counts, seconds });
      }
    });
  });
}

async function main(): Promise<number> {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((t) => !(ALL_TIERS as readonly string[]).includes(t));
  if (unknown.length > 0) {
    console.error(`unknown tier(s): ${unknown.join(', ')}; tiers are ${ALL_TIERS.join(', ')}`);
    return 2;
  }
  const tiers = requested.length > 0 ? ALL_TIERS.filter((t) => requested.includes(t)) : [...ALL_TIERS];
  const outcomes: TierOutcome[] = [];
  for (const name of tiers) {
    if (interrupted) {
      break;
    }
    console.log(`\n=== ${name} tests ===`);
    outcomes.push(await runTier(name));
  }
  const passed = outcomes.reduce((n, o) => n + o.passed, 0);
  const failed = outcomes.reduce((n, o) => n + o.failed, 0);
  const skipped = outcomes.reduce((n, o) => n + o.skipped.length, 0);
  console.log('\n=== results ===');
  for (const o of outcomes) {
    const counts = o.crash ? `${o.crash}` : `${o.passed} passed, ${o.failed} failed, ${o.skipped.length} skipped`;
    console.log(`${o.name.padEnd(5)} ${counts} (${o.seconds.toFixed(1)} s)`);
  }
  for (const o of outcomes) {
    for (const t of o.skipped) {
      console.log(`skipped (${o.name}): ${t.title}: ${t.reason}`);
    }
  }
  if (interrupted) {
    console.log('interrupted');
  }
  if (passed + failed === 0) {
    console.log('no tests ran');
  }
  console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  return failed > 0 || passed === 0 || interrupted ? 1 : 0;
}

void main().then((code) => process.exit(code));
