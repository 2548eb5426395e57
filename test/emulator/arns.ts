/** ARNs and service URLs in the shapes SageMaker gives them. */
export const domainArn = (region: string, account: string, domainId: string): string => `arn:aws:sagemaker:${region}:${account}:domain/${domainId}`;
export const userProfileArn = (region: string, account: string, domainId: string, name: string): string =>
  `arn:aws:sagemaker:${region}:${account}:user-profile/${domainId}/${name}`;
export const spaceArn = (region: string, account: string, domainId: string, name: string): string => `arn:aws:sagemaker:${region}:${account}:space/${domainId}/${name}`;
export const appArn = (region: string, account: string, domainId: string, owner: string, appType: string, appName: string): string =>
  `arn:aws:sagemaker:${region}:${account}:app/${domainId}/${owner}/${appType.toLowerCase()}/${appName}`;
export const notebookInstanceArn = (region: string, account: string, name: string): string =>
  `arn:aws:sagemaker:${region}:${account}:notebook-instance/${name.toLowerCase()}`;
export const executionRoleArn = (account: string): string => `arn:aws:iam::${account}:role/service-role/AmazonSageMaker-ExecutionRole-20250304T091244`;
export const domainUrl = (region: string, domainId: string): string => `https://${domainId}.studio.${region}.sagemaker.aws`;
export const notebookUrl = (region: string, name: string): string => `${name.toLowerCase()}.notebook.${region}.sagemaker.aws`;
