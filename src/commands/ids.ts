/**
 * Every command id of the extension, registered at activation (a contract with package.json's
 * `contributes.commands`; test/unit/build/manifest.test.ts holds them to it). The handlers are in
 * ./table.ts, loaded on first use.
 */
export const COMMAND_IDS = [
  'sagemaker.openStudio',
  'sagemaker.copyStudioUrl',
  'sagemaker.openSpace',
  'sagemaker.copySpaceUrl',
  'sagemaker.openNotebookJupyterLab',
  'sagemaker.openNotebookJupyter',
  'sagemaker.copyNotebookUrl',
  'sagemaker.openMlflowTrackingServer',
  'sagemaker.copyMlflowTrackingServerUrl',
  'sagemaker.openMlflowApp',
  'sagemaker.copyMlflowAppUrl',
  'sagemaker.openPartnerApp',
  'sagemaker.copyPartnerAppUrl',
  'sagemaker.openWithOptions',
  'sagemaker.copyCliCommand',
  'sagemaker.copyLink',
  'sagemaker.openRecent',
  'sagemaker.clearRecent',
  'sagemaker.copyId',
  'sagemaker.copyArn',
  'sagemaker.start',
  'sagemaker.stop',
  'sagemaker.connectSpace',
  'sagemaker.refresh',
  'sagemaker.refreshNode',
  'sagemaker.loadMore',
  'sagemaker.retry',
  'sagemaker.filter',
  'sagemaker.clearFilter',
  'sagemaker.selectProfile',
  'sagemaker.selectRegions',
  'sagemaker.openSettings',
  'sagemaker.signIn',
  'sagemaker.showLog',
  'sagemaker.showRunning',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];
