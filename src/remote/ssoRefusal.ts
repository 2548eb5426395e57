/**
 * A space of an IAM Identity Center domain, for Connect with Remote SSH: whether SageMaker refuses
 * these credentials a session for that reason, and then the browser instead.
 */
import { AwsError } from '../aws/index';
import { describeTarget, type UrlTarget } from '../kinds/index';
import { deliver } from '../commands/urls';
import type { ExtensionServices } from '../context';
import { userMessage } from '../errors';

export type SpaceTarget = Extract<UrlTarget, { kind: 'space' }>;

export const OPEN_IN_BROWSER = 'Open in Browser';

/** True for StartSession refused because the domain signs in through IAM Identity Center. */
export function isSsoSessionRefusal(e: unknown): e is AwsError {
  return e instanceof AwsError && e.kind === 'validation' && e.operation === 'StartSession' && /AuthMode SSO|authentication mode|Identity Center/i.test(e.userMessage);
}

/**
 * For a space of an IAM Identity Center domain: SageMaker's reason if it refuses a session to these
 * credentials for that reason (one StartSession call, its session never used), else undefined.
 */
export async function ssoRefusal(s: ExtensionServices, t: SpaceTarget, appArn: string): Promise<string | undefined> {
  try {
    await s.session.access().startSession(t.region, appArn);
    return undefined;
  } catch (e) {
    if (isSsoSessionRefusal(e)) {
      s.log.info(`StartSession refused for ${describeTarget(t)} (IAM Identity Center domain): ${e.userMessage}`);
      return e.userMessage;
    }
    // Refused for another reason (remote access off, the app not running…): the next steps see to it.
    s.log.info(`Pre-check StartSession for ${describeTarget(t)} (IAM Identity Center domain) answered: ${userMessage(e)}`);
    return undefined;
  }
}

/** An IAM Identity Center domain SageMaker refused a session for: why, and the browser instead. */
export async function offerBrowser(s: ExtensionServices, t: SpaceTarget, reason: string): Promise<void> {
  const answer = await s.prompter().message(
    'info',
    `SageMaker refused a remote session to the ${describeTarget(t)}: its domain ${t.domain.domainName} signs in through IAM Identity Center (AuthMode SSO), and SageMaker said: "${reason}" Open the space in the browser instead, through the domain's sign-in?`,
    [OPEN_IN_BROWSER],
    true,
  );
  if (answer === OPEN_IN_BROWSER) {
    await deliver(s, t, 'open');
  }
}
