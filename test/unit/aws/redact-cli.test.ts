import * as assert from 'node:assert/strict';
import { domainUrlInvocation, notebookUrlInvocation, quoteFor, redactUrl, toCommandLine } from '../../../src/aws/index';

describe('aws/redactUrl', () => {
  it('redacts token and authToken (any case) in a URL, keeping the rest', () => {
    assert.equal(redactUrl('https://d-abc.studio.us-east-1.sagemaker.aws/auth?token=eyJabc.def-ghi'), 'https://d-abc.studio.us-east-1.sagemaker.aws/auth?token=REDACTED');
    assert.equal(redactUrl('https://nb.notebook.us-east-1.sagemaker.aws?authToken=abc%2Bdef&view=lab'), 'https://nb.notebook.us-east-1.sagemaker.aws?authToken=REDACTED&view=lab');
    assert.equal(redactUrl('https://h/x?a=1&AuthToken=s3cr3t#frag'), 'https://h/x?a=1&AuthToken=REDACTED#frag');
    assert.equal(redactUrl('https://h/x?TOKEN=s3cr3t'), 'https://h/x?TOKEN=REDACTED');
  });

  it('redacts every URL inside free text and leaves other text alone', () => {
    const text = 'Opened "https://a/auth?token=one&x=2" then <https://b/?authtoken=two> and token=plain ok';
    assert.equal(redactUrl(text), 'Opened "https://a/auth?token=REDACTED&x=2" then <https://b/?authtoken=REDACTED> and token=plain ok');
    assert.equal(redactUrl('no url here'), 'no url here');
    assert.equal(redactUrl('https://h/?tokens=keep&mytoken=keep'), 'https://h/?tokens=keep&mytoken=keep');
  });
});

describe('aws/toCommandLine (Copy as AWS CLI Command)', () => {
  it('renders a domain URL command with every option', () => {
    const line = toCommandLine(
      domainUrlInvocation({ domainId: 'd-abc123', userProfileName: 'alice', spaceName: 'team-space', landingUri: 'app:JupyterLab:/lab', expiresInSeconds: 60, sessionExpirationDurationInSeconds: 1800 }),
      'eu-west-1',
      { profile: 'dev', endpointUrl: 'http://127.0.0.1:4566' },
    );
    assert.equal(
      line,
      'aws sagemaker create-presigned-domain-url --domain-id d-abc123 --user-profile-name alice --space-name team-space --landing-uri app:JupyterLab:/lab --expires-in-seconds 60 --session-expiration-duration-in-seconds 1800 --profile dev --region eu-west-1 --endpoint-url http://127.0.0.1:4566',
    );
  });

  it('uses defaults, omits unset options, and applies the private-space owner rule', () => {
    const line = toCommandLine(domainUrlInvocation({ domainId: 'd-abc123', userProfileName: 'bob', spaceName: 'alice-space', spaceInfo: { sharingType: 'Private', ownerUserProfileName: 'alice' } }), 'us-east-1', {});
    assert.equal(line, 'aws sagemaker create-presigned-domain-url --domain-id d-abc123 --user-profile-name alice --space-name alice-space --expires-in-seconds 300 --session-expiration-duration-in-seconds 43200 --region us-east-1');
  });

  it('renders a notebook URL command', () => {
    assert.equal(
      toCommandLine(notebookUrlInvocation({ notebookInstanceName: 'nb-1', ui: 'JupyterLab', sessionExpirationDurationInSeconds: 3600 }), 'us-west-2', { profile: 'my profile' }),
      "aws sagemaker create-presigned-notebook-instance-url --notebook-instance-name nb-1 --session-expiration-duration-in-seconds 3600 --profile 'my profile' --region us-west-2",
    );
  });

  it('quotes for a POSIX shell', () => {
    assert.equal(quoteFor('posix', 'plain-word_1.2/x:y'), 'plain-word_1.2/x:y');
    assert.equal(quoteFor('posix', ''), "''");
    assert.equal(quoteFor('posix', "it's"), "'it'\\''s'");
    assert.equal(quoteFor('posix', '$(rm -rf ~)'), "'$(rm -rf ~)'");
    assert.equal(quoteFor('posix', 'a;b|c&d`e`'), "'a;b|c&d`e`'");
  });
});
