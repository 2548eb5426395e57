/**
 * Presigned URL grants: what CreatePresignedDomainUrl / CreatePresignedNotebookInstanceUrl /
 * CreatePresignedMlflowTrackingServerUrl / CreatePresignedMlflowAppUrl / CreatePartnerAppPresignedUrl
 * handed out, kept server-side behind an opaque token so the URL pages can check expiry and
 * show what the URL opens. The token itself is never listed by the admin API.
 */
import * as crypto from 'node:crypto';

export interface PresignedGrant {
  kind: 'domain' | 'notebook' | 'mlflowTrackingServer' | 'mlflowApp' | 'partnerApp';
  region: string;
  domainId?: string;
  userProfileName?: string;
  spaceName?: string;
  landingUri?: string;
  notebookInstanceName?: string;
  trackingServerName?: string;
  /** The MLflow app's or partner app's ARN. */
  arn?: string;
  /** What the page names: the MLflow app's or partner app's name. */
  name?: string;
  /** MLflow URLs can be used once: a second open goes to the sign-in page. */
  singleUse: boolean;
  createdAt: Date;
  /** The URL works until then (ExpiresInSeconds; 5 minutes for notebook instances). */
  expiresAt: Date;
  expiresInSeconds: number;
  /** The session the URL opens lasts this long (SessionExpirationDurationInSeconds). */
  sessionExpirationDurationInSeconds: number;
  sessionExpiresAt: Date;
  /** How many times the URL was opened before / after its expiry, and (single-use URLs) again after its one use. */
  openedBeforeExpiry: number;
  openedAfterExpiry: number;
  openedAfterUse: number;
}

export class PresignedGrants {
  private readonly grants = new Map<string, PresignedGrant>();

  issue(grant: Omit<PresignedGrant, 'openedBeforeExpiry' | 'openedAfterExpiry' | 'openedAfterUse' | 'singleUse'> & { singleUse?: boolean }): string {
    const token = crypto.randomBytes(32).toString('base64url');
    this.grants.set(token, { ...grant, singleUse: grant.singleUse ?? false, openedBeforeExpiry: 0, openedAfterExpiry: 0, openedAfterUse: 0 });
    return token;
  }

  get(token: string): PresignedGrant | undefined {
    return this.grants.get(token);
  }

  /** Every grant, without its token (a token is a credential). */
  list(): PresignedGrant[] {
    return [...this.grants.values()].map((g) => ({ ...g }));
  }

  clear(): void {
    this.grants.clear();
  }
}
