#!/usr/bin/env node
// `npm start`: builds the package, then serves the demo on localhost (PORT, default 8000) with the
// demo's local endpoints (demo/server/*.mjs), and prints the URL.
import {spawnSync} from 'node:child_process';
import {readdirSync, existsSync} from 'node:fs';
import {startDevServer} from '@web/dev-server';

const skipBuild = process.argv.includes('--no-build');
if (!skipBuild) {
  const build = spawnSync('npm', ['run', 'build'], {stdio: 'inherit'});
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Demo endpoints: demo/server/NAME.mjs exports a Koa middleware, NAME.plugin.mjs a dev-server
// plugin (e.g. a WebSocket endpoint). All of them listen on this loopback server only.
const serverDir = new URL('../demo/server/', import.meta.url);
const load = async (suffix, skip) =>
  existsSync(serverDir)
    ? Promise.all(
        readdirSync(serverDir)
          .filter((f) => f.endsWith(suffix) && !(skip && f.endsWith(skip)))
          .sort()
          .map(async (f) => (await import(new URL(f, serverDir).href)).default)
      )
    : [];
const middleware = await load('.mjs', '.plugin.mjs');
const plugins = await load('.plugin.mjs');

const port = Number(process.env.PORT) || 8000;
const server = await startDevServer({
  config: {
    rootDir: '.',
    port,
    hostname: 'localhost',
    nodeResolve: {exportConditions: ['production']},
    middleware,
    plugins,
    appIndex: undefined,
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const url = `http://localhost:${server.config.port}/demo/`;
console.log(`\nmi-elements demo: ${url}\n(Ctrl+C to stop)`);
