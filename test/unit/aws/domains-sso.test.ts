import * as assert from 'node:assert/strict';
import { AwsError, isSsoDomainRefusal, type SageMakerAccess } from '../../../src/aws/index';
import { emulatorFixture, type EmulatorFixture } from './fixture';

const EAST = 'd-7kx2hq9mzp4a';
const SSO = 'd-4hn6xw8qrt2v';

describe('aws/domains: AuthMode (DescribeDomain) and IAM Identity Center domains (local SageMaker endpoint)', function () {
  let fx: EmulatorFixture;
  let access: SageMakerAccess;
  before(async () => {
    fx = await emulatorFixture();
    access = fx.access();
  });
  after(async () => fx.close());
  beforeEach(() => {
    fx.emu.resetCallCounts();
    fx.emu.clearFaults();
  });

  it('ListDomains does not say how a domain signs in; DescribeDomain does, in one call', async () => {
    const listed = (await access.listDomains('eu-west-1')).items.find((d) => d.domainId === SSO);
    assert.ok(listed, 'the SSO domain is listed');
    assert.equal(listed.authMode, undefined);
    const sso = await access.describeDomain('eu-west-1', SSO);
    assert.equal(sso.authMode, 'SSO');
    assert.equal(sso.domainName, 'identity-center-lab');
    assert.equal(sso.url, listed.url, 'the same Url as the listing');
    assert.match(sso.url ?? '', /\/sso\/eu-west-1\/d-4hn6xw8qrt2v$/);
    const iam = await access.describeDomain('us-east-1', EAST);
    assert.equal(iam.authMode, 'IAM');
    assert.equal(fx.emu.callCount('DescribeDomain'), 2);
  });

  it('checks the domain id before any call', async () => {
    await assert.rejects(access.describeDomain('us-east-1', 'not-a-domain'), (e: unknown) => e instanceof AwsError && e.kind === 'validation' && /DomainId/.test(e.message));
    assert.equal(fx.emu.callCount('DescribeDomain'), 0);
  });

  it('a presigned URL refused because the domain is SSO is recognised as such; other refusals are not', async () => {
    const refused = await access.presignUrl('eu-west-1', { operation: 'CreatePresignedDomainUrl', domainId: SSO, userProfileName: 'kenji' }).then(
      () => assert.fail('an SSO domain got a presigned URL'),
      (e: unknown) => e,
    );
    assert.ok(refused instanceof AwsError);
    assert.equal(refused.kind, 'validation');
    assert.ok(isSsoDomainRefusal(refused), `not recognised: ${refused.message}`);
    const other = await access.presignUrl('us-east-1', { operation: 'CreatePresignedDomainUrl', domainId: EAST, userProfileName: 'nobody-here' }).then(
      () => assert.fail('a missing profile got a URL'),
      (e: unknown) => e,
    );
    assert.equal(isSsoDomainRefusal(other), false);
  });

  it('DescribeUserProfile reads one profile again', async () => {
    const p = await access.describeUserProfile('us-east-1', EAST, 'alice');
    assert.equal(p.userProfileName, 'alice');
    assert.equal(p.domainId, EAST);
    assert.equal(p.status, 'InService');
    assert.equal(fx.emu.callCount('DescribeUserProfile'), 1);
  });

  it('a space\'s app is read again with one ListApps call', async () => {
    const spaces = await access.listSpacesFor('us-east-1', EAST, 'bob');
    const bob = spaces.items.find((s) => s.spaceName === 'bob-jupyterlab');
    assert.ok(bob);
    assert.equal(bob.appState, 'Starting');
    fx.emu.resetCallCounts();
    const again = await access.refreshSpaceApp('us-east-1', bob);
    assert.equal(again.appState, 'Starting');
    assert.equal(again.spaceDisplayName, 'Bob JupyterLab', 'the rest of the space is kept');
    assert.equal(fx.emu.callCount('ListApps'), 1);
    assert.equal(fx.emu.callCount(), 1, 'no other call');
  });
});
