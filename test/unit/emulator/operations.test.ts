/** Every operation, every list filter and sort, through the real SDK over HTTP. */
import * as assert from 'node:assert/strict';
import * as sm from '@aws-sdk/client-sagemaker';
import { client, EAST_DOMAIN, rejectsWith, RESEARCH_DOMAIN, SSO_DOMAIN, useEmulator, WEST_DOMAIN } from './helpers';

describe('emulator operations', () => {
  const { emu } = useEmulator();
  const east = () => client(emu());

  it('ListDomains returns the region\'s domains with ARNs, ids, status and epoch timestamps', async () => {
    const out = await east().send(new sm.ListDomainsCommand({}));
    const ids = (out.Domains ?? []).map((d) => d.DomainId);
    assert.deepEqual(ids, [EAST_DOMAIN, RESEARCH_DOMAIN, 'd-5mv7pc0ghy8s']);
    const d = out.Domains?.[0];
    assert.equal(d?.DomainArn, `arn:aws:sagemaker:us-east-1:123456789012:domain/${EAST_DOMAIN}`);
    assert.equal(d?.DomainName, 'ml-platform');
    assert.equal(d?.Status, 'InService');
    assert.ok(d?.CreationTime instanceof Date);
    assert.equal(d?.CreationTime?.toISOString(), '2025-03-04T09:12:44.000Z');
    assert.equal(d?.Url, `https://${EAST_DOMAIN}.studio.us-east-1.sagemaker.aws`);
  });

  it('the signing region chooses the data set', async () => {
    const west = await client(emu(), { region: 'eu-west-1' }).send(new sm.ListDomainsCommand({}));
    assert.deepEqual(west.Domains?.map((d) => d.DomainId), [WEST_DOMAIN, SSO_DOMAIN]);
    const empty = await client(emu(), { region: 'ap-southeast-2' }).send(new sm.ListDomainsCommand({}));
    assert.deepEqual(empty.Domains, []);
    assert.deepEqual(emu().regions, ['us-east-1', 'eu-west-1']);
  });

  it('DescribeDomain describes a domain and says ResourceNotFound for an unknown one', async () => {
    const d = await east().send(new sm.DescribeDomainCommand({ DomainId: EAST_DOMAIN }));
    assert.equal(d.DomainName, 'ml-platform');
    assert.equal(d.AuthMode, 'IAM');
    assert.equal(d.VpcId, 'vpc-0a1b2c3d4e5f67890');
    await rejectsWith(east().send(new sm.DescribeDomainCommand({ DomainId: 'd-000000000000' })), 'ResourceNotFound', /d-000000000000/);
  });

  it('ListUserProfiles filters by DomainIdEquals and UserProfileNameContains and sorts', async () => {
    const all = await east().send(new sm.ListUserProfilesCommand({ MaxResults: 100 }));
    assert.equal(all.UserProfiles?.length, 7);
    const inEast = await east().send(new sm.ListUserProfilesCommand({ DomainIdEquals: EAST_DOMAIN }));
    assert.deepEqual(inEast.UserProfiles?.map((u) => u.UserProfileName), ['alice', 'bob', 'carol', 'dave-data-eng']);
    const contains = await east().send(new sm.ListUserProfilesCommand({ DomainIdEquals: EAST_DOMAIN, UserProfileNameContains: 'A' }));
    assert.deepEqual(contains.UserProfiles?.map((u) => u.UserProfileName), ['alice', 'carol', 'dave-data-eng']);
    const desc = await east().send(new sm.ListUserProfilesCommand({ DomainIdEquals: EAST_DOMAIN, SortOrder: 'Descending' }));
    assert.deepEqual(desc.UserProfiles?.map((u) => u.UserProfileName), ['dave-data-eng', 'carol', 'bob', 'alice']);
    const byMod = await east().send(new sm.ListUserProfilesCommand({ DomainIdEquals: RESEARCH_DOMAIN, SortBy: 'LastModifiedTime', SortOrder: 'Descending' }));
    assert.deepEqual(byMod.UserProfiles?.map((u) => u.UserProfileName), ['grace-new', 'frank', 'erin']);
    assert.equal(byMod.UserProfiles?.[0].Status, 'Pending');
  });

  it('DescribeUserProfile describes a profile; unknown profile or domain is ResourceNotFound', async () => {
    const u = await east().send(new sm.DescribeUserProfileCommand({ DomainId: EAST_DOMAIN, UserProfileName: 'alice' }));
    assert.equal(u.UserProfileArn, `arn:aws:sagemaker:us-east-1:123456789012:user-profile/${EAST_DOMAIN}/alice`);
    assert.equal(u.Status, 'InService');
    await rejectsWith(east().send(new sm.DescribeUserProfileCommand({ DomainId: EAST_DOMAIN, UserProfileName: 'nobody' })), 'ResourceNotFound');
    await rejectsWith(east().send(new sm.DescribeUserProfileCommand({ DomainId: 'd-000000000000', UserProfileName: 'alice' })), 'ResourceNotFound');
  });

  it('ListSpaces returns private and shared spaces with owner and app type, filtered and sorted', async () => {
    const out = await east().send(new sm.ListSpacesCommand({ DomainIdEquals: EAST_DOMAIN, MaxResults: 100 }));
    const byName = new Map(out.Spaces?.map((s) => [s.SpaceName, s]));
    assert.equal(byName.size, 6);
    const alice = byName.get('alice-jupyterlab');
    assert.equal(alice?.SpaceSharingSettingsSummary?.SharingType, 'Private');
    assert.equal(alice?.OwnershipSettingsSummary?.OwnerUserProfileName, 'alice');
    assert.equal(alice?.SpaceSettingsSummary?.AppType, 'JupyterLab');
    assert.equal(alice?.SpaceDisplayName, 'Alice JupyterLab');
    const shared = byName.get('team-analytics');
    assert.equal(shared?.SpaceSharingSettingsSummary?.SharingType, 'Shared');
    assert.equal(shared?.OwnershipSettingsSummary, undefined);
    assert.equal(byName.get('carol-rstudio')?.SpaceSettingsSummary?.AppType, 'RStudioServerPro');
    const contains = await east().send(new sm.ListSpacesCommand({ SpaceNameContains: 'ALICE' }));
    assert.deepEqual(contains.Spaces?.map((s) => s.SpaceName), ['alice-jupyterlab', 'alice-code-editor']);
    const newest = await east().send(new sm.ListSpacesCommand({ DomainIdEquals: EAST_DOMAIN, SortBy: 'LastModifiedTime', SortOrder: 'Descending', MaxResults: 1 }));
    assert.deepEqual(newest.Spaces?.map((s) => s.SpaceName), ['team-analytics']);
  });

  it('DescribeSpace describes a space; unknown space is ResourceNotFound', async () => {
    const s = await east().send(new sm.DescribeSpaceCommand({ DomainId: EAST_DOMAIN, SpaceName: 'bob-jupyterlab' }));
    assert.equal(s.SpaceArn, `arn:aws:sagemaker:us-east-1:123456789012:space/${EAST_DOMAIN}/bob-jupyterlab`);
    assert.equal(s.OwnershipSettings?.OwnerUserProfileName, 'bob');
    assert.equal(s.SpaceSharingSettings?.SharingType, 'Private');
    await rejectsWith(east().send(new sm.DescribeSpaceCommand({ DomainId: EAST_DOMAIN, SpaceName: 'nope' })), 'ResourceNotFound');
  });

  it('ListApps filters by domain, space and user profile and sorts by creation time', async () => {
    const all = await east().send(new sm.ListAppsCommand({ MaxResults: 100 }));
    assert.equal(all.Apps?.length, 8);
    const statuses = new Set(all.Apps?.map((a) => a.Status));
    for (const s of ['InService', 'Pending', 'Deleted', 'Failed']) {
      assert.ok(statuses.has(s as sm.AppStatus), `demo has an app in ${s}`);
    }
    const bySpace = await east().send(new sm.ListAppsCommand({ DomainIdEquals: EAST_DOMAIN, SpaceNameEquals: 'bob-jupyterlab' }));
    assert.deepEqual(bySpace.Apps?.map((a) => [a.AppType, a.AppName, a.Status]), [['JupyterLab', 'default', 'Pending']]);
    const byUser = await east().send(new sm.ListAppsCommand({ DomainIdEquals: EAST_DOMAIN, UserProfileNameEquals: 'alice' }));
    assert.deepEqual(byUser.Apps?.map((a) => a.AppType), ['JupyterServer']);
    const research = await east().send(new sm.ListAppsCommand({ DomainIdEquals: RESEARCH_DOMAIN, SortBy: 'CreationTime', SortOrder: 'Descending' }));
    assert.deepEqual(research.Apps?.map((a) => a.SpaceName), ['paper-reproduction', 'erin-notebooks']);
    await rejectsWith(east().send(new sm.ListAppsCommand({ UserProfileNameEquals: 'alice', SpaceNameEquals: 'alice-jupyterlab' })), 'ValidationException');
  });

  it('DescribeApp describes an app, with its failure reason', async () => {
    const a = await east().send(new sm.DescribeAppCommand({ DomainId: RESEARCH_DOMAIN, SpaceName: 'erin-notebooks', AppType: 'JupyterLab', AppName: 'default' }));
    assert.equal(a.Status, 'Failed');
    assert.match(a.FailureReason ?? '', /lifecycle configuration/);
    assert.equal(a.AppArn, `arn:aws:sagemaker:us-east-1:123456789012:app/${RESEARCH_DOMAIN}/erin-notebooks/jupyterlab/default`);
    await rejectsWith(east().send(new sm.DescribeAppCommand({ DomainId: RESEARCH_DOMAIN, SpaceName: 'erin-notebooks', AppType: 'CodeEditor', AppName: 'default' })), 'ResourceNotFound');
  });

  it('ListNotebookInstances covers every state and filters by name, status, times, repositories and lifecycle config', async () => {
    const all = await east().send(new sm.ListNotebookInstancesCommand({}));
    assert.deepEqual(all.NotebookInstances?.map((n) => n.NotebookInstanceName), ['churn-model-training', 'forecasting-gpu', 'fraud-detection-dev', 'legacy-etl', 'nlp-experiments']);
    assert.deepEqual(new Set(all.NotebookInstances?.map((n) => n.NotebookInstanceStatus)), new Set(['Stopped', 'Pending', 'InService', 'Failed']));
    const n0 = all.NotebookInstances?.find((n) => n.NotebookInstanceName === 'fraud-detection-dev');
    assert.equal(n0?.NotebookInstanceArn, 'arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/fraud-detection-dev');
    assert.equal(n0?.InstanceType, 'ml.t3.medium');
    assert.equal(n0?.Url, 'fraud-detection-dev.notebook.us-east-1.sagemaker.aws');
    const names = async (input: sm.ListNotebookInstancesCommandInput) => (await east().send(new sm.ListNotebookInstancesCommand(input))).NotebookInstances?.map((n) => n.NotebookInstanceName);
    assert.deepEqual(await names({ NameContains: 'FRAUD' }), ['fraud-detection-dev']);
    assert.deepEqual(await names({ StatusEquals: 'Stopped' }), ['churn-model-training', 'nlp-experiments']);
    assert.deepEqual(await names({ CreationTimeAfter: new Date('2026-01-01T00:00:00Z') }), ['forecasting-gpu']);
    assert.deepEqual(await names({ CreationTimeBefore: new Date('2025-01-01T00:00:00Z') }), ['legacy-etl']);
    assert.deepEqual(await names({ LastModifiedTimeAfter: new Date('2026-11-23T07:00:00Z') }), ['forecasting-gpu', 'fraud-detection-dev']);
    assert.deepEqual(await names({ LastModifiedTimeBefore: new Date('2026-07-01T00:00:00Z') }), ['legacy-etl']);
    assert.deepEqual(await names({ DefaultCodeRepositoryContains: 'fraud' }), ['fraud-detection-dev']);
    assert.deepEqual(await names({ AdditionalCodeRepositoryEquals: 'https://github.com/example-org/tokenizers' }), ['nlp-experiments']);
    assert.deepEqual(await names({ NotebookInstanceLifecycleConfigNameContains: 'legacy' }), ['legacy-etl']);
    assert.deepEqual(await names({ SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: 2 }), ['forecasting-gpu', 'nlp-experiments']);
    assert.deepEqual(await names({ SortBy: 'Status' }), ['legacy-etl', 'fraud-detection-dev', 'forecasting-gpu', 'churn-model-training', 'nlp-experiments']);
    assert.deepEqual(await names({ SortBy: 'Name', SortOrder: 'Descending', MaxResults: 1 }), ['nlp-experiments']);
  });

  it('DescribeNotebookInstance describes an instance; unknown is ValidationException RecordNotFound as AWS says', async () => {
    const n = await east().send(new sm.DescribeNotebookInstanceCommand({ NotebookInstanceName: 'legacy-etl' }));
    assert.equal(n.NotebookInstanceStatus, 'Failed');
    assert.match(n.FailureReason ?? '', /Lifecycle Config/);
    assert.equal(n.VolumeSizeInGB, 5);
    assert.equal(n.NotebookInstanceLifecycleConfigName, 'legacy-bootstrap');
    await rejectsWith(east().send(new sm.DescribeNotebookInstanceCommand({ NotebookInstanceName: 'missing' })), 'ValidationException', 'RecordNotFound');
  });

  it('CreatePresignedDomainUrl and CreatePresignedNotebookInstanceUrl point back at the emulator with AWS query names', async () => {
    const d = await east().send(new sm.CreatePresignedDomainUrlCommand({ DomainId: EAST_DOMAIN, UserProfileName: 'alice' }));
    const du = new URL(d.AuthorizedUrl ?? '');
    assert.equal(du.origin, emu().url);
    assert.equal(du.pathname, '/auth');
    assert.ok((du.searchParams.get('token') ?? '').length >= 32, 'domain URL carries a token');
    const n = await east().send(new sm.CreatePresignedNotebookInstanceUrlCommand({ NotebookInstanceName: 'fraud-detection-dev' }));
    const nu = new URL(n.AuthorizedUrl ?? '');
    assert.equal(nu.origin, emu().url);
    assert.equal(nu.pathname, '/notebook/fraud-detection-dev');
    assert.ok((nu.searchParams.get('authToken') ?? '').length >= 32, 'notebook URL carries an authToken');
    await rejectsWith(east().send(new sm.CreatePresignedDomainUrlCommand({ DomainId: EAST_DOMAIN, UserProfileName: 'nobody' })), 'ResourceNotFound');
    await rejectsWith(east().send(new sm.CreatePresignedNotebookInstanceUrlCommand({ NotebookInstanceName: 'missing' })), 'ValidationException', 'RecordNotFound');
  });
});
