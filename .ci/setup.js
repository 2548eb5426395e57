#!/usr/bin/env node
// Set-up that `npm start` and `npm test` do first (`node .ci/setup.js start|test`).
// Plain Node with no dependencies: it runs before anything is installed.
// - Node older than package.json's engines: says so and stops.
// - A Debian package the run needs is missing: prints the apt-get command and stops (never sudo).
// - node_modules missing or not what package-lock.json says: runs `npm ci`.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const purpose = process.argv[2] === 'test' ? 'test' : 'start';
/** The one place it is written: .ci/code-server.json (the harness reads it too). */
const CODE_SERVER_VERSION = readJson('.ci/code-server.json').version;

function say(line) {
  console.log(`[setup] ${line}`);
}

function fail(lines) {
  for (const line of lines) {
    console.error(`[setup] ${line}`);
  }
  process.exit(1);
}

function checkNode() {
  const wanted = Number((/>=\s*(\d+)/.exec(readJson('package.json').engines.node) ?? [])[1] ?? 0);
  const major = Number(process.versions.node.split('.')[0]);
  if (major < wanted) {
    fail([`Node ${wanted} or newer is needed; this is Node ${process.versions.node}.`]);
  }
}

function readJson(relative) {
  return JSON.parse(fs.readFileSync(path.join(root, relative), 'utf8'));
}

/** Why node_modules is not what package-lock.json says, or undefined when it is. */
function dependencyProblem() {
  const hiddenLock = path.join(root, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(path.join(root, 'node_modules'))) {
    return 'node_modules is missing';
  }
  if (!fs.existsSync(hiddenLock)) {
    return 'node_modules was not installed by npm from package-lock.json';
  }
  const wanted = readJson('package-lock.json').packages ?? {};
  const installed = JSON.parse(fs.readFileSync(hiddenLock, 'utf8')).packages ?? {};
  for (const [name, entry] of Object.entries(wanted)) {
    if (name === '') {
      continue;
    }
    const have = installed[name];
    // Optional packages for other platforms are never installed.
    if (!have && !entry.optional) {
      return `${name} is not installed`;
    }
    if (have && have.version !== entry.version) {
      return `${name} is ${have.version}, package-lock.json says ${entry.version}`;
    }
  }
  return undefined;
}

function installDependencies() {
  const problem = dependencyProblem();
  if (!problem) {
    return;
  }
  say(`${problem}: running npm ci`);
  const started = Date.now();
  // npm_execpath is the npm running this script; fall back to the one on PATH.
  const npmCli = process.env.npm_execpath;
  const result = npmCli && /\.c?js$/.test(npmCli)
    ? spawnSync(process.execPath, [npmCli, 'ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    fail([`npm ci failed (${result.error ? result.error.message : `exit ${result.status ?? result.signal}`}); see its output above.`]);
  }
  say(`npm ci took ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function onPath(program) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, program)));
}

/** The Debian packages this run needs and lacks (the same checks as the harness and .ci/run). */
function missingSystemPackages() {
  const missing = [];
  // The tests drive Chromium; `npm start` prints an address for your own browser.
  if (purpose === 'test' && !process.env.CHROMIUM_PATH && !['/usr/bin/chromium', '/usr/bin/chromium-browser'].some((f) => fs.existsSync(f))) {
    missing.push('chromium');
  }
  const codeServerInstalled = fs.existsSync(path.join(root, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`, '.install-complete'));
  if (!process.env.CODE_SERVER_PATH && !codeServerInstalled) {
    // Building code-server's native modules on its first install.
    for (const program of ['python3', 'make', 'g++']) {
      if (!onPath(program)) {
        missing.push(program);
      }
    }
    const gssapi = ['/usr/include/gssapi/gssapi.h', '/usr/include/gssapi.h', '/usr/local/include/gssapi/gssapi.h'];
    if (!gssapi.some((f) => fs.existsSync(f)) && !onPath('krb5-config')) {
      missing.push('libkrb5-dev');
    }
  }
  return missing;
}

function checkSystemPackages() {
  if (process.platform !== 'linux') {
    return; // the checks name Debian packages; elsewhere the harness says what it misses
  }
  const missing = missingSystemPackages();
  if (missing.length > 0) {
    fail([
      `npm ${purpose} needs these Debian packages, which are missing: ${missing.join(' ')}`,
      `Install them, then run npm ${purpose} again:`,
      '',
      `    sudo apt-get install -y ${missing.join(' ')}`,
      '',
      purpose === 'test' ? 'Or set CHROMIUM_PATH / CODE_SERVER_PATH to binaries you have.' : 'Or set CODE_SERVER_PATH to a code-server you have.',
    ]);
  }
}

checkNode();
checkSystemPackages();
installDependencies();
