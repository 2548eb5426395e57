import * as assert from 'node:assert/strict';
import { AwsError, CommandLineError, EXPECTED, errorLogText, isExpectedFailure } from '../../../src/aws/index';

/** Stands for SettingsError and UserFacingError (VS Code layer): an error class of ours marked expected. */
class RefusedError extends Error {
  readonly expected = EXPECTED;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RefusedError';
  }
}

/** docs/reliability.md's promise: an expected failure is one log line; a stack only for a bug of ours. */
describe('aws/errorLogText: an expected failure is one line', () => {
  it('an error of ours marked expected is its name and message, on one line', () => {
    assert.equal(
      errorLogText(new RefusedError('The setting "sagemaker.presignedUrl.expiresInSeconds" is 301; it must be a whole number of seconds from 5 to 300.')),
      'RefusedError: The setting "sagemaker.presignedUrl.expiresInSeconds" is 301; it must be a whole number of seconds from 5 to 300.',
    );
    assert.equal(errorLogText(new CommandLineError('a\nb')), 'CommandLineError: a b');
    assert.ok(isExpectedFailure(new CommandLineError('x')));
    assert.ok(!isExpectedFailure(new TypeError('x')));
  });

  it('with an expected cause, still one line; with a bug underneath, the bug\'s stack', () => {
    const refused = new AwsError('validation', 'DomainId "x" is not a domain id.', { operation: 'CreatePresignedDomainUrl' });
    assert.equal(
      errorLogText(new RefusedError('Could not open it.', { cause: refused })),
      'RefusedError: Could not open it. (cause: CreatePresignedDomainUrl [validation]: DomainId "x" is not a domain id.)',
    );
    const bug = errorLogText(new RefusedError('Could not load the commands.', { cause: new TypeError("Cannot read properties of undefined (reading 'x')") }));
    assert.match(bug, /^RefusedError: Could not load the commands\.[\s\S]*Caused by: TypeError: Cannot read properties of undefined[^\n]*\n\s+at /);
  });

  it('a bug of ours keeps its stack', () => {
    assert.match(errorLogText(new TypeError('boom')), /^TypeError: boom\n\s+at /);
  });
});
