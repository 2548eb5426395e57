import * as path from 'node:path';

/** The repository root: compiled harness files live in out/test/harness/. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Where the harness caches what it installs on demand (git-ignored). */
export const cacheRoot = path.join(repoRoot, '.vscode-test');

/** Screenshots and other artefacts of test runs (git-ignored). */
export const resultsDir = path.join(repoRoot, 'test-results');

/** The .vsix that `npm run package` writes. */
export const vsixPath = path.join(repoRoot, 'dist', 'sagemaker-environments.vsix');
