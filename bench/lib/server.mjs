// A tiny static file server over the repository root, on the loopback interface only, so
// pages can load /dist/cdn/mi-elements.js, /bench/.build/*.js and /bench/node_modules/**.
import {createServer} from 'node:http';
import {readFile, stat} from 'node:fs/promises';
import {extname, join, normalize, sep} from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** Serves `root` on 127.0.0.1 (a free port); resolves to {url, close}. */
export async function serve(root) {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      const file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) throw Object.assign(new Error('outside'), {code: 'EACCES'});
      const info = await stat(file);
      if (!info.isFile()) throw Object.assign(new Error('not a file'), {code: 'ENOENT'});
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch (error) {
      res.writeHead(error.code === 'EACCES' ? 403 : 404, {'content-type': 'text/plain'});
      res.end(String(error.code ?? 'error'));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address();
  return {url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r))};
}
