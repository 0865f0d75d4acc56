#!/usr/bin/env node
// Finds a Chromium for the tests: $CHROME_PATH, then the usual paths. When there is none it
// installs Debian's `chromium` (root + apt-get), or stops with the exact command to run.
// Prints the path it chose; the test config reads the same lookup from chromium-path.mjs.
import {spawnSync} from 'node:child_process';
import {findChromium} from './chromium-path.mjs';

const found = findChromium();
if (found) {
  process.stdout.write(`chromium: ${found}\n`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], {stdio: 'ignore'}).status === 0;
const command = 'apt-get update && apt-get install -y --no-install-recommends chromium';

if (!isRoot || !hasApt) {
  process.stderr.write(
    [
      'No Chromium found for the tests (looked at $CHROME_PATH, /usr/bin/chromium, /usr/lib/chromium/chromium, google-chrome …).',
      hasApt
        ? `Install Debian's Chromium, then run npm test again:\n\n    sudo sh -c '${command}'\n`
        : 'Install Chromium or Chrome and point CHROME_PATH at its binary, e.g.\n\n    CHROME_PATH=/path/to/chrome npm test\n',
    ].join('\n')
  );
  process.exit(1);
}

process.stdout.write(`No Chromium found: installing Debian's chromium (${command})\n`);
const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', 'chromium']]) {
  const r = spawnSync('apt-get', args, {stdio: ['ignore', 'inherit', 'inherit'], env});
  if (r.status !== 0) {
    process.stderr.write(`\n'apt-get ${args.join(' ')}' failed (exit ${r.status}). Run it by hand:\n\n    ${command}\n`);
    process.exit(1);
  }
}
const installed = findChromium();
if (!installed) {
  process.stderr.write(`apt-get finished but no Chromium binary was found. Set CHROME_PATH to it.\n`);
  process.exit(1);
}
process.stdout.write(`chromium: ${installed}\n`);
