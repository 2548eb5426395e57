/**
 * The extension-host suite's cold open alone, for a window whose extension finds no last-known
 * tree (code-server runs this file as `extensionTestsPath`; the driver removes the tree first).
 */
export { runColdWithoutLastKnown as run } from './index';
