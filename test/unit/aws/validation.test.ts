import * as assert from 'node:assert/strict';
import {
  checkOpenableUrl,
  openableUrl,
  rfc3986Authority,
  LIMITS,
  NAME_PATTERNS,
  validateEndpointUrl,
  validateExpiresInSeconds,
  validateLandingUri,
  validateName,
  validateRegion,
  validateSessionExpiration,
} from '../../../src/aws/index';
import { loadApiModel } from '../../emulator/api-model';


interface ShapeDef { type?: string; min?: number; max?: number; pattern?: string; members?: Record<string, { shape: string }> }

describe('aws/validation', () => {
  describe('limits and patterns match the SageMaker API model', function () {
    let shapes: Record<string, ShapeDef>;
    let inputOf: (operation: string) => Record<string, { shape: string }>;
    before(function () {
      // The same file the local endpoint validates against.
      const model = loadApiModel() as unknown as {
        shapes: Record<string, ShapeDef>;
        operations: Record<string, { input: { shape: string } }>;
      };
      shapes = model.shapes;
      inputOf = (operation) => shapes[model.operations[operation].input.shape].members!;
    });

    it('ExpiresInSeconds and SessionExpirationDurationInSeconds ranges', () => {
      assert.equal(shapes.ExpiresInSeconds.min, LIMITS.expiresInSeconds.min);
      assert.equal(shapes.ExpiresInSeconds.max, LIMITS.expiresInSeconds.max);
      assert.equal(shapes.SessionExpirationDurationInSeconds.min, LIMITS.sessionExpirationDurationInSeconds.min);
      assert.equal(shapes.SessionExpirationDurationInSeconds.max, LIMITS.sessionExpirationDurationInSeconds.max);
    });

    it('name patterns and lengths of the request members we validate', () => {
      const domainReq = inputOf('CreatePresignedDomainUrl');
      const nbReq = inputOf('CreatePresignedNotebookInstanceUrl');
      const members: Record<keyof typeof NAME_PATTERNS, string> = {
        DomainId: domainReq.DomainId.shape,
        UserProfileName: domainReq.UserProfileName.shape,
        SpaceName: domainReq.SpaceName.shape,
        LandingUri: domainReq.LandingUri.shape,
        NotebookInstanceName: nbReq.NotebookInstanceName.shape,
      };
      for (const [field, shapeName] of Object.entries(members) as [keyof typeof NAME_PATTERNS, string][]) {
        const shape = shapes[shapeName];
        assert.equal(NAME_PATTERNS[field].pattern, shape.pattern, `${field} pattern`);
        assert.equal(NAME_PATTERNS[field].max, shape.max, `${field} max length`);
      }
    });
  });

  it('ExpiresInSeconds: 5-300 whole seconds', () => {
    assert.equal(validateExpiresInSeconds(5), undefined);
    assert.equal(validateExpiresInSeconds(300), undefined);
    assert.equal(validateExpiresInSeconds(4), 'ExpiresInSeconds (URL lifetime) must be from 5 to 300 seconds; got 4.');
    assert.equal(validateExpiresInSeconds(301), 'ExpiresInSeconds (URL lifetime) must be from 5 to 300 seconds; got 301.');
    assert.equal(validateExpiresInSeconds(12.5), 'ExpiresInSeconds (URL lifetime) must be a whole number of seconds from 5 to 300.');
    assert.equal(validateExpiresInSeconds('60'), 'ExpiresInSeconds (URL lifetime) must be a whole number of seconds from 5 to 300.');
  });

  it('SessionExpirationDurationInSeconds: 1800-43200 whole seconds', () => {
    assert.equal(validateSessionExpiration(1800), undefined);
    assert.equal(validateSessionExpiration(43200), undefined);
    assert.equal(validateSessionExpiration(1799), 'SessionExpirationDurationInSeconds (session lifetime) must be from 1800 to 43200 seconds; got 1799.');
    assert.equal(validateSessionExpiration(43201), 'SessionExpirationDurationInSeconds (session lifetime) must be from 1800 to 43200 seconds; got 43201.');
    assert.equal(validateSessionExpiration(NaN), 'SessionExpirationDurationInSeconds (session lifetime) must be a whole number of seconds from 1800 to 43200.');
  });

  it('landing URI grammar', () => {
    for (const ok of ['studio::', 'studio::/home', 'studio::relative/path', 'app:JupyterLab:', 'app:JupyterLab:/lab/tree/a.ipynb', 'app:JupyterServer:', 'app:RStudioServerPro:', 'app:CodeEditor:', 'app:Canvas:']) {
      assert.equal(validateLandingUri(ok), undefined, ok);
    }
    const grammar = 'studio::<path> or app:<JupyterServer|JupyterLab|RStudioServerPro|CodeEditor|Canvas>:<path>';
    assert.equal(validateLandingUri(''), `The landing URI must be ${grammar}.`);
    assert.equal(validateLandingUri('studio:/x'), `The landing URI must be ${grammar}; got "studio:/x".`);
    assert.equal(validateLandingUri('https://example.com'), `The landing URI must be ${grammar}; got "https://example.com".`);
    assert.equal(validateLandingUri('app:Jupyter:/x'), 'The landing URI names an unknown app "Jupyter"; allowed: JupyterServer, JupyterLab, RStudioServerPro, CodeEditor, Canvas.');
    assert.equal(
      validateLandingUri('app:JupyterLab:/a b'),
      'The landing URI\'s path must be a relative path (no scheme, no "//", no "..", no "?" or "#", no spaces or double quotes), but it contains spaces or control characters; got "app:JupyterLab:/a b".',
    );
    assert.equal(validateLandingUri(`studio::/${'x'.repeat(1100)}`), 'The landing URI may be at most 1023 characters long; it has 1109.');
  });

  it('region names', () => {
    for (const ok of ['us-east-1', 'eu-central-2', 'ap-southeast-4', 'us-gov-west-1', 'us-iso-east-1', 'us-isob-east-1', 'cn-north-1', 'il-central-1']) {
      assert.equal(validateRegion(ok), undefined, ok);
    }
    assert.equal(validateRegion('US-EAST-1'), '"US-EAST-1" is not an AWS region name; expected a name such as us-east-1 or eu-west-2.');
    assert.equal(validateRegion('us-east'), '"us-east" is not an AWS region name; expected a name such as us-east-1 or eu-west-2.');
    assert.equal(validateRegion('us-east-1; rm -rf /'), '"us-east-1; rm -rf /" is not an AWS region name; expected a name such as us-east-1 or eu-west-2.');
    assert.equal(validateRegion(''), 'A region must be a name such as us-east-1.');
  });

  it('endpoint URLs', () => {
    assert.equal(validateEndpointUrl('https://api.sagemaker.us-east-1.amazonaws.com'), undefined);
    assert.equal(validateEndpointUrl('http://127.0.0.1:4566'), undefined);
    assert.match(validateEndpointUrl('not a url')!, /is not a valid absolute URL/);
    assert.equal(validateEndpointUrl('ftp://host'), 'The endpoint URL must use https: (or http:); got ftp:.');
    assert.equal(validateEndpointUrl('https://u:p@host'), 'The endpoint URL may not contain a user name or password.');
    assert.equal(validateEndpointUrl('https://host/?a=1'), 'The endpoint URL may not contain a query (?...) or fragment (#...).');
  });

  it('resource names follow the model patterns', () => {
    assert.equal(validateName('DomainId', 'd-abc123xyz'), undefined);
    assert.equal(validateName('DomainId', 'D-ABC'), 'DomainId "D-ABC" is not a domain id; expected d- followed by lowercase letters and digits, e.g. d-abc123def456.');
    assert.equal(validateName('UserProfileName', 'alice-1'), undefined);
    assert.equal(validateName('UserProfileName', '-alice'), 'UserProfileName "-alice" is not valid; use letters and digits, optionally separated by hyphens (no leading or trailing hyphen).');
    assert.equal(validateName('SpaceName', 'a_b'), 'SpaceName "a_b" is not valid; use letters and digits, optionally separated by hyphens (no leading or trailing hyphen).');
    assert.equal(validateName('SpaceName', 'x'.repeat(64)), `SpaceName may be at most 63 characters long; "${'x'.repeat(20)}…" (64 characters) is longer.`);
    assert.equal(validateName('NotebookInstanceName', ''), 'NotebookInstanceName is required.');
    assert.equal(validateName('NotebookInstanceName', 'nb--1'), undefined);
  });

  it('a landing path is relative: no scheme, no //, no .., no ? or #, also when percent-encoded', () => {
    for (const bad of [
      'studio:://evil.com',
      'app:JupyterLab:https://evil.com/x',
      'app:JupyterLab:javascript:alert(1)',
      'app:CodeEditor:data:text/html,x',
      'studio::/lab/../../evil',
      'studio::..',
      'app:JupyterLab:/lab?next=https://evil.com',
      'app:JupyterLab:/lab#frag',
      'studio::/a//b',
      'studio::\\\\evil.com',
      'studio::%2F%2Fevil.com',
      'studio::/lab/%2e%2e/x',
      'app:JupyterLab:/lab%3Fx',
    ]) {
      const problem = validateLandingUri(bad);
      assert.ok(problem, `${bad} was accepted`);
      assert.match(problem, /relative path/, bad);
      assert.match(problem, /no scheme, no "\/\/", no "\.\.", no "\?" or "#"/, bad);
    }
    for (const ok of ['studio::relative/path', 'studio::/home', 'app:JupyterLab:/lab/tree/work/a.ipynb', 'app:CodeEditor:', 'app:JupyterLab:lab/tree/x_y-z.py', 'studio::/a.b/c']) {
      assert.equal(validateLandingUri(ok), undefined, ok);
    }
  });

  describe('which presigned URLs may be opened', () => {
    const refused = (url: string, endpoint?: string): string | undefined => checkOpenableUrl(url, endpoint);

    it("without a custom endpoint: https on SageMaker's own hosts, in every partition", () => {
      for (const ok of [
        'https://d-abc123.studio.us-east-1.sagemaker.aws/auth?token=x',
        'https://d-abc123.studio.us-gov-west-1.sagemaker.aws/auth?token=x',
        'https://d-abc123.studio.cn-north-1.sagemaker.com.cn/auth?token=x',
        'https://nb-1.notebook.eu-west-1.sagemaker.aws?authToken=x',
        'https://nb-1.notebook-fips.us-east-2.sagemaker.aws?authToken=x',
        'https://nb-1.notebook.cn-northwest-1.sagemaker.com.cn?authToken=x',
        'https://t-1.us-east-1.experiments.sagemaker.aws/auth?token=x',
        // The Url of an IAM Identity Center (SSO) domain.
        'https://d-xxxxxxxxxxxx.studio.us-west-2.sagemaker.aws',
        'https://D-ABC.STUDIO.US-EAST-1.SAGEMAKER.AWS/',
      ]) {
        assert.equal(refused(ok), undefined, ok);
      }
    });

    it('without a custom endpoint: anything else is refused, naming the host and why', () => {
      const cases: [string, RegExp][] = [
        ['https://evil.com/auth?token=secret', /evil\.com.*not a SageMaker host/],
        ['https://sagemaker.aws.evil.com/auth?token=secret', /sagemaker\.aws\.evil\.com.*not a SageMaker host/],
        ['https://evilsagemaker.aws/auth?token=secret', /evilsagemaker\.aws.*not a SageMaker host/],
        ['https://d-abc.studio.us-east-1.sagemaker.aws.attacker.net/?token=secret', /attacker\.net/],
        ['http://d-abc.studio.us-east-1.sagemaker.aws/auth?token=secret', /http:.*only https/],
        ['http://127.0.0.1:4566/auth?token=secret', /only https/],
        ['javascript:alert(1)', /javascript:/],
        ['file:///etc/passwd', /file:/],
        ['https://user:pw@d-abc.studio.us-east-1.sagemaker.aws/', /user name or password/],
      ];
      for (const [url, message] of cases) {
        const problem = refused(url);
        assert.ok(problem, `${url} was accepted`);
        assert.match(problem, message, url);
        assert.ok(!problem.includes('secret'), `the message shows the token: ${problem}`);
      }
      assert.equal(refused('nonsense'), 'SageMaker returned a URL that is not valid; it was not opened.');
    });

    it('refuses a URL whose host another parser reads differently ("\\" or "@" before the path), with or without an endpoint', () => {
      for (const [url, endpoint] of [
        ['https://d-abc.studio.us-east-1.sagemaker.aws\\@evil.example/auth?token=secret', undefined],
        ['https://evil.example\\.d-abc.studio.us-east-1.sagemaker.aws/auth?token=secret', undefined],
        ['http://127.0.0.1:4566\\@evil.example/auth?token=secret', 'http://127.0.0.1:4566'],
        ['https://studio.internal.example\\@evil.example/?token=secret', 'https://vpce-1.api.sagemaker.us-east-1.vpce.amazonaws.com'],
        ['https://d-abc.studio.us-east-1.sagemaker.aws/auth?token=secret\n', undefined],
        ['https://d-abc.studio.us-east-1.sagemaker.aws/a b?token=secret', undefined],
      ] as const) {
        const problem = refused(url, endpoint);
        assert.ok(problem, `${url} was accepted`);
        assert.ok(!problem.includes('secret'), problem);
        assert.match(problem, /ambiguous|spaces or control/, url);
      }
      // VS Code's Uri.parse splits an authority by RFC 3986: the backslash stays in it.
      assert.equal(rfc3986Authority('http://127.0.0.1:4566\\@evil.example/x'), '127.0.0.1:4566\\@evil.example');
    });

    it('gives the normalised URL that was checked, to open and copy', () => {
      assert.deepEqual(openableUrl('HTTPS://D-ABC.Studio.US-EAST-1.sagemaker.aws:443/auth?token=x'), {
        url: 'https://d-abc.studio.us-east-1.sagemaker.aws/auth?token=x',
        host: 'd-abc.studio.us-east-1.sagemaker.aws',
      });
      assert.equal(openableUrl('https://nb-1.notebook.eu-west-1.sagemaker.aws?authToken=x').url, 'https://nb-1.notebook.eu-west-1.sagemaker.aws/?authToken=x');
      assert.equal(openableUrl('https://evil.example/').url, undefined);
    });

    it('with sagemaker.endpointUrl set: https anywhere, plain http only on this computer from a local endpoint', () => {
      assert.equal(refused('https://studio.internal.example/auth?token=x', 'https://vpce-1.api.sagemaker.us-east-1.vpce.amazonaws.com'), undefined);
      assert.equal(refused('http://127.0.0.1:4566/auth?token=x', 'http://127.0.0.1:4566'), undefined);
      assert.equal(refused('http://localhost:8080/notebook/a?authToken=x', 'http://localhost:8080'), undefined);
      assert.match(refused('http://127.0.0.1:4566/auth?token=x', 'https://vpce-1.api.sagemaker.us-east-1.vpce.amazonaws.com') ?? '', /plain http/);
      assert.match(refused('http://example.com/auth?token=secret', 'http://127.0.0.1:4566') ?? '', /example\.com/);
      assert.match(refused('javascript:alert(1)', 'http://127.0.0.1:4566') ?? '', /javascript:/);
    });
  });
});
