import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../harness/paths';

/**
 * The documentation a reader follows: README.md (what users read on the extension's page),
 * CONTRIBUTING.md and docs/*.md. A link to a file or heading that does not exist is a dead end.
 */
function docFiles(): string[] {
  const docs = fs.existsSync(path.join(repoRoot, 'docs')) ? fs.readdirSync(path.join(repoRoot, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`) : [];
  return ['README.md', 'CONTRIBUTING.md', ...docs];
}

/** The Markdown without fenced code blocks and code spans, where `[x](y)` is text, not a link. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Every inline link and picture target, as written (`[text](target)`, `![alt](target)`). */
function linkTargets(markdown: string): string[] {
  return [...withoutCode(markdown).matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6}\s+(.+)$/gm)) {
    const base = slug(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  return out;
}

describe('the documentation', () => {
  it('README.md, CONTRIBUTING.md and docs/*.md link only to files and headings that exist', () => {
    const dead: string[] = [];
    for (const doc of docFiles()) {
      const text = fs.readFileSync(path.join(repoRoot, doc), 'utf8');
      for (const target of linkTargets(text)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) {
          continue; // https:, mailto: and the like: not a file of this repository
        }
        const [file, anchor] = target.split('#', 2);
        const resolved = file ? path.normalize(path.join(path.dirname(doc), decodeURI(file))) : doc;
        const abs = path.join(repoRoot, resolved);
        if (!abs.startsWith(repoRoot + path.sep) || !fs.existsSync(abs)) {
          dead.push(`${doc}: ${target} (no file ${resolved})`);
        } else if (anchor && resolved.endsWith('.md') && !anchors(fs.readFileSync(abs, 'utf8')).has(anchor)) {
          dead.push(`${doc}: ${target} (no heading #${anchor} in ${resolved})`);
        }
      }
    }
    assert.deepEqual(dead, []);
  });

  it('README.md is for users: at most 250 lines, and starts with `npm start` and `npm test`', () => {
    const lines = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8').replace(/\n$/, '').split('\n');
    assert.ok(lines.length <= 250, `README.md has ${lines.length} lines`);
    // The title, then at once the two commands that work on a fresh machine.
    const content = lines.slice(1).filter((l) => l.trim() !== '');
    assert.match(lines[0], /^# /);
    assert.match(content[0], /^```(sh|bash|shell)?$/);
    assert.match(content[1], /^npm start\b/);
    assert.match(content[2], /^npm test\b/);
  });

  it('source and tests cite only Markdown files the repository has', () => {
    const missing: string[] = [];
    const walk = (dir: string): string[] =>
      fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : []));
    for (const file of [...walk('src'), ...walk('test')]) {
      const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
      for (const m of text.matchAll(/[\w./-]*\b[\w-]+\.md\b/g)) {
        if (!fs.existsSync(path.join(repoRoot, m[0]))) {
          missing.push(`${file}: ${m[0]}`);
        }
      }
    }
    assert.deepEqual(missing, []);
  });
});
