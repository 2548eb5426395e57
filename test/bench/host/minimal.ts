import * as vscode from 'vscode';
import { FIGURES_MARKER, type HostFigure } from '../figures';
import { MINIMAL_EXTENSION_ID, MINIMAL_VIEW_CONTAINER } from '../minimal-extension';

/**
 * Runs in a window whose development extension is the minimal one (../minimal-extension.ts):
 * open its view → extension active, measured as the suite measures ours.
 */
export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension(MINIMAL_EXTENSION_ID);
  if (!ext || ext.isActive) {
    throw new Error(`the minimal extension ${MINIMAL_EXTENSION_ID} is ${ext ? 'already active' : 'not loaded'}: its cold figure needs a fresh extension host`);
  }
  const started = performance.now();
  await vscode.commands.executeCommand(`workbench.view.extension.${MINIMAL_VIEW_CONTAINER}`);
  await ext.activate();
  const figure: HostFigure = {
    id: 'activation.viewToActiveMinimal',
    section: 'Activation',
    label: 'the same for a minimal extension (one view, activate() registers its tree): VS Code\'s own share',
    unit: 'ms',
    value: performance.now() - started,
    runs: 1,
  };
  console.log(`${FIGURES_MARKER}${JSON.stringify({ figures: [figure], host: { node: process.version, vscode: vscode.version } })}`);
}
