import * as path from 'node:path';
import { stopAll } from './cleanup';
import { runHostTier } from './host-tier';
import { findTestFiles, runMochaFiles } from './mocha-files';
import { repoRoot } from './paths';
import { formatCounts, type TestCounts } from './results';
import { runUiTier } from './ui-tier';

/**
 * One test tier in its own process (`node out/test/harness/tier.js unit|host|ui`), so that a
 * tier that crashes or hangs cannot take the others down. Prints a tier marker line with its
 * counts as its last word; run-all.js reads it.
 */
export const TIERS = {
  unit: (): Promise<TestCounts> => runMochaFiles(findTestFiles(path.join(repoRoot, 'out', 'test', 'unit')), { timeout: 30_000 }),
  host: runHostTier,
  ui: runUiTier,
} as const;

export type TierName = keyof typeof TIERS;

export function isTierName(name: string): name is TierName {
  return Object.prototype.hasOwnProperty.call(TIERS, name);
}

async function main(): Promise<number> {
  const name = process.argv[2] ?? '';
  if (!isTierName(name)) {
    console.error(`usage: node out/test/harness/tier.js ${Object.keys(TIERS).join('|')}`);
    return 2;
  }
  try {
    const counts = await TIERS[name]();
    console.log(formatCounts(counts, 'tier'));
    return counts.failed > 0 ? 1 : 0;
  } finally {
    await stopAll();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`\nThe ${process.argv[2]} tier could not run:\n${e instanceof Error ? e.message : String(e)}`);
      process.exit(3);
    },
  );
}
