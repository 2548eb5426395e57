/**
 * Everything the AWS layer uses from the AWS SDK, in one module (bundled into dist/sdk.js through
 * ./sdk.ts). Only what is named here is bundled: a new command has to be added here, and the type
 * checker says so where `sdk.X` is used. It imports nothing of ours, so the loader (./clients.ts)
 * can name its type without importing the layer's implementation.
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
// The Price List API (the on-demand price of a running environment's instance type: ./pricing.ts).
export { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
export { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
export { NodeHttpHandler } from '@smithy/node-http-handler';
export { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
