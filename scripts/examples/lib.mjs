// Shared by scripts/examples/run.mjs and ssr.mjs: paths, the examples install, the copy of the
// built package the examples depend on, a tiny static server, and a Chromium launcher.
import {spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {createServer} from 'node:http';
import {createServer as createNetServer} from 'node:net';
import {extname, join, normalize, resolve, sep} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {findChromium} from '../chromium-path.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLES = join(ROOT, 'examples');
export const INSTALLED = join(EXAMPLES, 'node_modules', 'mi-elements');
/** The package whose build the examples use: this repository, or MI_PACKAGE_DIR (another checkout's build). */
export const PACKAGE_DIR = process.env.MI_PACKAGE_DIR ? resolve(process.env.MI_PACKAGE_DIR) : ROOT;

/**
 * `npm ci` in examples/ when its node_modules is missing or older than its lockfile. The
 * examples have their own lockfile (Vite, Vue, Svelte, React, Angular…), installed once and kept
 * inside the repository's examples/node_modules; nothing is cached elsewhere.
 */
export function ensureExamplesInstalled(log = console.log) {
  const marker = join(EXAMPLES, 'node_modules', '.package-lock.json');
  const lock = join(EXAMPLES, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return true;
  log('examples: installing their dependencies (npm ci in examples/)…');
  const started = Date.now();
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: EXAMPLES,
    encoding: 'utf8',
    env: {...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1'},
  });
  if (result.status !== 0) {
    log(result.stdout, result.stderr);
    return false;
  }
  log(`examples: npm ci took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

/**
 * Puts the current build of the package into examples/node_modules/mi-elements exactly as
 * `npm install` of the packed package would (package.json + its "files"), so every example uses
 * the BUILT package as an ordinary dependency. (`examples/.npmrc` has install-links=true, so
 * `npm ci` itself installs a packed copy, not a symlink; this refreshes it after each build.)
 */
export function syncBuiltPackage() {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8'));
  if (!existsSync(join(PACKAGE_DIR, 'dist', 'index.js')) || !existsSync(join(PACKAGE_DIR, 'dist', 'cdn', 'mi-elements.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first');
  }
  rmSync(INSTALLED, {recursive: true, force: true});
  mkdirSync(INSTALLED, {recursive: true});
  const entries = ['package.json', 'README.md', 'LICENSE', ...(pkg.files ?? [])];
  for (const entry of new Set(entries)) {
    const from = join(PACKAGE_DIR, entry);
    if (existsSync(from)) cpSync(from, join(INSTALLED, entry), {recursive: true});
  }
  // Maps are not part of what an app needs; keep them (npm would), they are small.
  return pkg;
}

/** Tag names the built package defines, from its manifest. */
export function packageTags() {
  const manifest = JSON.parse(readFileSync(join(INSTALLED, 'custom-elements.json'), 'utf8'));
  const tags = new Set();
  for (const module of manifest.modules ?? []) {
    for (const d of module.declarations ?? []) if (d.customElement && d.tagName) tags.add(d.tagName);
    for (const e of module.exports ?? []) if (e.kind === 'custom-element-definition' && e.name) tags.add(e.name);
  }
  return tags;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

/** The public CDN address of the package in the example pages (any version tag). */
export const CDN_PATTERN = /https:\/\/cdn\.jsdelivr\.net\/npm\/mi-elements(?:@[\w.-]+)?\//g;

/**
 * A static file server on localhost (a free port). `mounts` maps URL prefixes to directories.
 * `rewriteCdn`: HTML pages are served with the jsDelivr address of the package pointed at
 * `/mi-elements/` (mounted on the installed copy), so the pages keep the exact public snippet.
 * `pages` (optional) maps URL paths to generated HTML strings.
 */
export async function serve(mounts, {rewriteCdn = false, pages = {}} = {}) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (pages[path] !== undefined) {
      res.writeHead(200, {'content-type': TYPES['.html'], 'cache-control': 'no-store'});
      res.end(pages[path]);
      return;
    }
    const prefix = prefixes.find((p) => path.startsWith(p));
    if (!prefix) return notFound(res);
    const base = resolve(mounts[prefix]);
    let file = normalize(join(base, path.slice(prefix.length)));
    if (file !== base && !file.startsWith(base + sep)) return notFound(res);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return notFound(res);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    let body = readFileSync(file);
    if (rewriteCdn && extname(file) === '.html') body = body.toString('utf8').replace(CDN_PATTERN, '/mi-elements/');
    res.writeHead(200, {'content-type': type, 'cache-control': 'no-store'});
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, 'localhost', ok));
  const {port} = server.address();
  return {url: `http://localhost:${port}`, close: () => new Promise((ok) => server.close(ok))};
}

/** A free TCP port on localhost (for servers that cannot listen on port 0 themselves). */
export function freePort() {
  return new Promise((ok, fail) => {
    const probe = createNetServer();
    probe.on('error', fail);
    probe.listen(0, 'localhost', () => {
      const {port} = probe.address();
      probe.close(() => ok(port));
    });
  });
}

function notFound(res) {
  res.writeHead(404, {'content-type': 'text/plain'});
  res.end('not found');
}

/** Debian's (or $CHROME_PATH) Chromium, headless, through playwright-core. Never downloads one. */
export async function launchChromium() {
  // The root's playwright-core (a devDependency), else the examples' copy (same pinned version).
  const candidates = [join(ROOT, 'node_modules', 'playwright-core', 'index.mjs'), join(EXAMPLES, 'node_modules', 'playwright-core', 'index.mjs')];
  const {chromium} = await import(pathToFileURL(candidates.find((c) => existsSync(c)) ?? candidates[1]).href);
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found (set CHROME_PATH or apt-get install chromium)');
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
}

/** Collects page errors, console errors and warnings, and failed requests of one page. */
export function watchPage(page, {allowWarning = () => false} = {}) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    else if (m.type() === 'warning' && !allowWarning(m.text())) problems.push(`console warning: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  return problems;
}

