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
export const trackingServerArn = (region: string, account: string, name: string): string => `arn:aws:sagemaker:${region}:${account}:mlflow-tracking-server/${name}`;
export const mlflowAppArn = (region: string, account: string, appId: string): string => `arn:aws:sagemaker:${region}:${account}:mlflow-app/${appId}`;
export const partnerAppArn = (region: string, account: string, appId: string): string => `arn:aws:sagemaker:${region}:${account}:partner-app/${appId}`;
/** The MLflow UI's address as DescribeMlflowTrackingServer reports it (no credential in it). */
export const trackingServerUrl = (region: string, id: string): string => `https://t-${id}.${region}.experiments.sagemaker.aws`;
export const partnerAppBaseUrl = (region: string, appId: string): string => `https://${appId.toLowerCase()}.partner-app.${region}.sagemaker.aws`;

/** The parts of a SageMaker ARN `arn:<partition>:sagemaker:<region>:<account>:<type>/<id>`, if it is one. */
export function parseArn(arn: string): { region: string; account: string; type: string; id: string } | undefined {
  const m = /^arn:aws[a-z-]*:sagemaker:([a-z0-9-]*):(\d{12}):([a-z-]+)\/(.+)$/.exec(arn);
  return m ? { region: m[1], account: m[2], type: m[3], id: m[4] } : undefined;
}

/** The resource an IAM decision about this request names (for AccessDeniedException messages). */
export function resourceArnForRequest(region: string, account: string, input: Record<string, unknown>): string {
  const s = (k: string): string | undefined => {
    const v = input[k] ?? input[`${k}Equals`];
    return typeof v === 'string' ? v : undefined;
  };
  const domainId = s('DomainId');
  const arn = s('Arn');
  if (arn !== undefined) {
    return arn;
  }
  if (s('TrackingServerName') !== undefined) {
    return trackingServerArn(region, account, s('TrackingServerName') ?? '');
  }
  if (s('NotebookInstanceName') !== undefined) {
    return notebookInstanceArn(region, account, s('NotebookInstanceName') ?? '');
  }
  if (domainId !== undefined && s('SpaceName') !== undefined) {
    return spaceArn(region, account, domainId, s('SpaceName') ?? '');
  }
  if (domainId !== undefined && s('UserProfileName') !== undefined) {
    return userProfileArn(region, account, domainId, s('UserProfileName') ?? '');
  }
  if (domainId !== undefined) {
    return domainArn(region, account, domainId);
  }
  return `arn:aws:sagemaker:${region}:${account}:*`;
}
