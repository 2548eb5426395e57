/**
 * What a row opens (a presigned URL is made for it) and what Copy ID / Copy ARN copies: data over
 * the AWS model, named here so each kind's node module can say it of its rows and the commands
 * (src/commands/) can work with it without knowing the node classes.
 */
import type { Domain, MlflowApp, MlflowTrackingServer, NotebookInstance, PartnerApp, Space } from '../aws/index';

/** The MLflow tracking server, MLflow app and partner AI app targets. */
export type KindTarget =
  | { readonly kind: 'mlflowTrackingServer'; readonly region: string; readonly server: MlflowTrackingServer }
  | { readonly kind: 'mlflowApp'; readonly region: string; readonly app: MlflowApp }
  | { readonly kind: 'partnerApp'; readonly region: string; readonly app: PartnerApp };

/** Something a presigned URL can be made for, with what the URL request needs. */
export type UrlTarget =
  | { readonly kind: 'studio'; readonly region: string; readonly domain: Domain; readonly userProfileName: string }
  | { readonly kind: 'space'; readonly region: string; readonly domain: Domain; readonly space: Space; readonly userProfileName: string }
  | { readonly kind: 'notebook'; readonly region: string; readonly notebook: NotebookInstance }
  | KindTarget;

/** What Copy ID / Copy ARN copies of a resource, and how messages name it. */
export interface CopyFields {
  readonly id: string;
  readonly arn?: string;
  readonly what: string;
}
