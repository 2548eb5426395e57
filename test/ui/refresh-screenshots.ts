import * as path from 'node:path';
import { repoRoot } from '../harness/paths';
import { runUiTier } from '../harness/ui-tier';

/**
 * `npm run screenshots`: runs the UI tier (against the local SageMaker endpoint) and copies the
 * screenshots its flows take into media/screenshots/, which the README shows. Real pictures of
 * the workbench, refreshed by running the extension; kept out of the .vsix (.vscodeignore).
 */
async function main(): Promise<void> {
  process.env.SAGEMAKER_README_SCREENSHOTS = path.join(repoRoot, 'media', 'screenshots');
  const counts = await runUiTier();
  console.log(`screenshots: UI tests ${counts.passed} passed, ${counts.failed} failed; pictures in media/screenshots/`);
  if (counts.failed > 0 || counts.passed === 0) {
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
