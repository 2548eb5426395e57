#!/usr/bin/env node
// The README that goes into the .vsix (`npm run package` passes it to vsce with --readme-path).
// VS Code's extension page renders an installed extension's README in a webview with no base URL
// and the Content-Security-Policy `img-src https: data:`, and its sanitizer keeps only http(s)
// links: a relative picture (`media/screenshots/tree.png`) or link (`docs/…`) is dead there. This
// project has no hosted repository to point at, so each picture the README shows is inlined as a
// `data:image/png` URL (the files themselves stay out of the .vsix), and each relative link
// becomes its text with the file's path in the source. README.md itself keeps relative paths,
// which GitHub and any clone show.
// Plain Node, no dependencies. Run: node .ci/vsix-readme.js [out] (default dist/README.md).
/* global module */
'use strict';
const { Buffer } = require('node:buffer');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
/** Where `npm run package` writes it; package.json's script and the unit test name it too. */
const OUT = 'dist/README.md';
const MIME = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif' };
/** `[text](target)` and `![alt](target)`, the only link forms the README uses (no reference links). */
const LINK = /(!?)\[([^\]]*)\]\(([^)\s]+)\)/g;

function isRelative(target) {
  return !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#') && !target.startsWith('//');
}

/**
 * The packaged form of a README whose relative paths are relative to `dir`: pictures inlined,
 * relative links turned into text. Throws on a picture that is missing or of a type VS Code's
 * page cannot show as data (an SVG data URL is refused there), so a broken picture never ships.
 */
function vsixReadme(markdown, dir) {
  return markdown.replace(LINK, (whole, bang, text, target) => {
    if (!isRelative(target)) {
      return whole;
    }
    const file = decodeURI(target.split('#')[0]);
    if (bang) {
      const mime = MIME[path.extname(file).toLowerCase()];
      if (!mime) {
        throw new Error(`README picture ${target}: only PNG, JPEG or GIF can be inlined for the extension page`);
      }
      const bytes = fs.readFileSync(path.join(dir, file));
      return `![${text}](data:${mime};base64,${bytes.toString('base64')})`;
    }
    return text === file ? `\`${file}\` (in the source repository)` : `${text} (\`${file}\` in the source repository)`;
  });
}

/** The relative pictures a README shows, as written (for the unit test and the size check). */
function readmePictures(markdown) {
  return [...markdown.matchAll(LINK)].filter((m) => m[1] && isRelative(m[3])).map((m) => m[3]);
}

module.exports = { vsixReadme, readmePictures, OUT };

if (require.main === module) {
  const out = path.resolve(root, process.argv[2] ?? OUT);
  const packaged = vsixReadme(fs.readFileSync(path.join(root, 'README.md'), 'utf8'), root);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, packaged);
  console.log(`[vsix-readme] ${path.relative(root, out)}: ${(Buffer.byteLength(packaged) / 1024).toFixed(1)} KiB`);
}
