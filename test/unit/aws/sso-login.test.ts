import * as assert from 'node:assert/strict';
import { ssoLoginCommand, toAwsError, validateProfileName } from '../../../src/aws/index';

/** `aws sso login --profile NAME`: one helper, the name checked, quoted for the shell. */
describe('aws/ssoLoginCommand', () => {
  it('builds the command for a valid profile name', () => {
    assert.equal(ssoLoginCommand('corp-sso'), 'aws sso login --profile corp-sso');
    assert.equal(ssoLoginCommand('team/dev.admin@acme+1=a,b:c_d'), 'aws sso login --profile team/dev.admin@acme+1=a,b:c_d');
  });

  it('refuses a name with characters the AWS CLI does not allow, saying which are allowed', () => {
    for (const bad of ['x; touch /tmp/pwned', '$(id)', '`id`', 'a b', "it's", 'a|b', 'a&b', '', 'x'.repeat(129), 'new\nline']) {
      assert.throws(() => ssoLoginCommand(bad), (e: Error) => {
        assert.match(e.message, /profile name/i);
        assert.match(e.message, /letters, digits and the characters _ \+ = , \. @ : \/ -/);
        return true;
      }, JSON.stringify(bad));
      assert.notEqual(validateProfileName(bad), undefined, JSON.stringify(bad));
    }
  });

  describe('the sign-in action of an expired SSO session', () => {
    const saved = process.env.AWS_PROFILE;
    afterEach(() => {
      if (saved === undefined) {
        delete process.env.AWS_PROFILE;
      } else {
        process.env.AWS_PROFILE = saved;
      }
    });
    const expired = Object.assign(new Error('The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login'), {
      name: 'TokenProviderError',
    });

    it('names the profile from AWS_PROFILE only when it is a valid name', () => {
      process.env.AWS_PROFILE = 'sso-dev';
      assert.deepEqual(toAwsError(expired).action?.terminalCommand, ['aws', 'sso', 'login', '--profile', 'sso-dev']);
    });

    it('never puts an AWS_PROFILE with shell characters into the terminal command', () => {
      process.env.AWS_PROFILE = 'x; touch /tmp/pwned';
      const e = toAwsError(expired);
      assert.equal(e.kind, 'sso-expired');
      assert.equal(e.action?.terminalCommand, undefined, `terminal command: ${JSON.stringify(e.action?.terminalCommand)}`);
      assert.match(e.userMessage, /cannot be passed to aws sso login/);
    });
  });
});
