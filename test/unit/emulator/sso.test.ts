/** An IAM Identity Center (SSO) domain: described with AuthMode and Url, never presigned. */
import * as assert from 'node:assert/strict';
import * as sm from '@aws-sdk/client-sagemaker';
import { client, rejectsWith, SSO_DOMAIN, useEmulator, WEST_DOMAIN } from './helpers';

describe('emulator SSO domain', () => {
  const { emu } = useEmulator();
  const c = () => client(emu(), { region: 'eu-west-1' });

  it('DescribeDomain says AuthMode SSO, and its Url opens a stand-in for the IAM Identity Center sign-in', async () => {
    const d = await c().send(new sm.DescribeDomainCommand({ DomainId: SSO_DOMAIN }));
    assert.equal(d.AuthMode, 'SSO');
    assert.equal(d.DomainName, 'identity-center-lab');
    assert.match(d.SingleSignOnApplicationArn ?? '', /^arn:aws:sso::123456789012:application\/ssoins-[a-z0-9]+\/apl-[a-z0-9]+$/);
    assert.equal(d.Url, `${emu().url}/sso/eu-west-1/${SSO_DOMAIN}`);
    const listed = (await c().send(new sm.ListDomainsCommand({}))).Domains?.find((x) => x.DomainId === SSO_DOMAIN);
    assert.equal(listed?.Url, d.Url);
    const res = await fetch(d.Url ?? '');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<title>Sign in with IAM Identity Center<\/title>/);
    assert.match(html, /data-field="Domain">d-4hn6xw8qrt2v</);
    assert.match(html, /data-field="Region">eu-west-1</);
    assert.equal((await fetch(`${emu().url}/sso/us-east-1/${SSO_DOMAIN}`)).status, 404, 'not in another region');
    assert.equal((await fetch(`${emu().url}/sso/eu-west-1/${WEST_DOMAIN}`)).status, 404, 'an IAM domain has no SSO sign-in page');
    const iam = await c().send(new sm.DescribeDomainCommand({ DomainId: WEST_DOMAIN }));
    assert.equal(iam.AuthMode, 'IAM');
    assert.equal(iam.SingleSignOnApplicationArn, undefined);
    assert.equal(iam.Url, `https://${WEST_DOMAIN}.studio.eu-west-1.sagemaker.aws`);
  });

  it('has user profiles and a space like any domain', async () => {
    const users = await c().send(new sm.ListUserProfilesCommand({ DomainIdEquals: SSO_DOMAIN }));
    assert.deepEqual(users.UserProfiles?.map((u) => u.UserProfileName), ['kenji', 'lena']);
    const spaces = await c().send(new sm.ListSpacesCommand({ DomainIdEquals: SSO_DOMAIN }));
    assert.deepEqual(spaces.Spaces?.map((s) => [s.SpaceName, s.OwnershipSettingsSummary?.OwnerUserProfileName]), [['kenji-lab', 'kenji']]);
  });

  it('CreatePresignedDomainUrl on it is a ValidationException naming its AuthMode, with or without a space', async () => {
    const message = `Domain ${SSO_DOMAIN} has AuthMode SSO. CreatePresignedDomainUrl can only be called when the authentication mode equals IAM.`;
    const err = await rejectsWith(c().send(new sm.CreatePresignedDomainUrlCommand({ DomainId: SSO_DOMAIN, UserProfileName: 'kenji' })), 'ValidationException', message);
    assert.equal(err.$metadata.httpStatusCode, 400);
    await rejectsWith(c().send(new sm.CreatePresignedDomainUrlCommand({ DomainId: SSO_DOMAIN, UserProfileName: 'kenji', SpaceName: 'kenji-lab' })), 'ValidationException', message);
    assert.equal(emu().presignedGrants().length, 0, 'no URL was issued');
  });
});
