/**
 * Everything the AWS layer uses from the AWS SDK, in one module. esbuild bundles it on its own into
 * dist/sdk.js (loaded on the first AWS call through loadSageMakerSdk(), with a V8 code cache), so the
 * file VS Code loads on activation holds only our code. Only what is named here is bundled: a new
 * command has to be added here, and the type checker says so where `sdk.X` is used.
 *
 * dist/sdk.js also holds the AWS layer's own implementation (accessLayer()), which nothing needs
 * before the first AWS call either: one file, one code cache.
 */
export {
  CreateAppCommand,
  CreatePartnerAppPresignedUrlCommand,
  CreatePresignedDomainUrlCommand,
  CreatePresignedMlflowAppUrlCommand,
  CreatePresignedMlflowTrackingServerUrlCommand,
  CreatePresignedNotebookInstanceUrlCommand,
  DeleteAppCommand,
  DescribeDomainCommand,
  DescribeMlflowAppCommand,
  DescribeMlflowTrackingServerCommand,
  DescribeNotebookInstanceCommand,
  DescribePartnerAppCommand,
  DescribeSpaceCommand,
  DescribeUserProfileCommand,
  ListAppsCommand,
  ListDomainsCommand,
  ListMlflowAppsCommand,
  ListMlflowTrackingServersCommand,
  ListNotebookInstancesCommand,
  ListPartnerAppsCommand,
  ListSpacesCommand,
  ListUserProfilesCommand,
  SageMakerClient,
  StartMlflowTrackingServerCommand,
  StartNotebookInstanceCommand,
  StartSessionCommand,
  StopMlflowTrackingServerCommand,
  StopNotebookInstanceCommand,
  UpdateSpaceCommand,
} from '@aws-sdk/client-sagemaker';
export { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
export { NodeHttpHandler } from '@smithy/node-http-handler';
export { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

/**
 * The AWS layer's implementation (./access.ts and what only it uses: the calls, paging, mapping,
 * waiting, presigning, the client pool), for createSageMakerAccess() in ./lazyAccess.ts. A
 * require() inside a function, so esbuild runs that code (and takes the dist/extension.js modules
 * it uses, see esbuild.js) only when it is first asked for: loading dist/sdk.js runs the SDK's top
 * level only, and the tests and the benchmark can load the production file alone in plain Node.
 * Compiled by tsc, it is Node's require() of out/src/aws/access.js: one instance, Node's cache.
 */
export function accessLayer(): typeof import('./access') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: lazy on purpose
  return require('./access') as typeof import('./access');
}
