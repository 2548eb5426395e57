/** Only the benchmark's Remote SSH rows (`npm run bench -- --only remote`; code-server runs this file as `extensionTestsPath`). */
export { runRemoteOnly as run } from './index';
