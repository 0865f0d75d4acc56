#!/usr/bin/env node
// Before the tests: finds Chromium ($CHROME_PATH, then the usual paths) and Firefox
// ($FIREFOX_PATH, then firefox-esr). A missing one is installed from Debian (root + apt-get)
// when possible. Without Chromium the tests cannot run: stop with the exact command to run.
// Without Firefox only the Firefox step is left out (with the command to add it).
import {spawnSync} from 'node:child_process';
import {findChromium} from './chromium-path.mjs';
import {findFirefox} from './firefox-path.mjs';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], {stdio: 'ignore'}).status === 0;
let updated = false;

function aptInstall(pkg) {
  const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
  const run = (args) => spawnSync('apt-get', args, {stdio: ['ignore', 'inherit', 'inherit'], env}).status === 0;
  if (!updated) updated = run(['update', '-qq']);
  return updated && run(['install', '-y', '-qq', '--no-install-recommends', pkg]);
}

function ensure({label, find, pkg, required}) {
  const found = find();
  if (found) {
    console.log(`${label}: ${found}`);
    return true;
  }
  const command = `apt-get update && apt-get install -y --no-install-recommends ${pkg}`;
  if (isRoot && hasApt) {
    console.log(`No ${label} found: installing Debian's ${pkg} (${command})`);
    if (aptInstall(pkg) && find()) {
      console.log(`${label}: ${find()}`);
      return true;
    }
    console.error(`Installing ${pkg} failed. Run it by hand:\n\n    ${command}\n`);
  } else {
    const how = hasApt
      ? `Install Debian's ${pkg}, then run npm test again:\n\n    sudo sh -c '${command}'\n`
      : `Install ${label} and point ${label === 'chromium' ? 'CHROME_PATH' : 'FIREFOX_PATH'} at its binary.\n`;
    (required ? console.error : console.log)(`No ${label} found for the tests. ${how}`);
  }
  return !required;
}

const ok = ensure({label: 'chromium', find: findChromium, pkg: 'chromium', required: true});
ensure({label: 'firefox', find: findFirefox, pkg: 'firefox-esr', required: false});
process.exit(ok ? 0 : 1);
