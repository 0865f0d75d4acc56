// Real endpoints for <mi-progress> tests (no mocked fetch/XHR):
// POST /__test/progress/upload[?status=500]  reads the whole body, answers {bytes}.
// GET  /__test/progress/stream?chunks=4&size=1000&delay=30&length=1[&fail=1][&status=503]
//      streams `chunks` chunks of `size` bytes, `delay` ms apart, with a Content-Length when
//      length=1 (chunked otherwise); fail=1 breaks the connection half-way; gzip=1 sends the
//      whole body gzip-compressed at once, with Content-Encoding and the compressed length.
// GET  /__test/progress/empty  answers 204.
import {Readable} from 'node:stream';
import {gzipSync} from 'node:zlib';

const int = (value, fallback, max) => {
  const n = Number(value ?? fallback);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : fallback;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export default async function progress(ctx, next) {
  if (!ctx.path.startsWith('/__test/progress/')) return next();
  const route = ctx.path.slice('/__test/progress/'.length);
  ctx.set('cache-control', 'no-store');
  if (route === 'upload' && ctx.method === 'POST') {
    let bytes = 0;
    for await (const chunk of ctx.req) bytes += chunk.length;
    ctx.status = int(ctx.query.status, 200, 599) || 200;
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({bytes});
    return;
  }
  if (route === 'stream') {
    const status = int(ctx.query.status, 200, 599);
    if (status >= 400) {
      ctx.status = status;
      ctx.body = 'refused';
      return;
    }
    const chunks = int(ctx.query.chunks, 4, 1000);
    const size = int(ctx.query.size, 1000, 1_000_000);
    const delay = int(ctx.query.delay, 30, 2000);
    const fail = ctx.query.fail === '1';
    async function* generate() {
      for (let i = 0; i < chunks; i++) {
        if (i > 0) await sleep(delay);
        if (fail && i === Math.floor(chunks / 2)) {
          ctx.req.socket.destroy();
          return;
        }
        yield Buffer.alloc(size, 97 + (i % 26));
      }
    }
    ctx.type = 'application/octet-stream';
    if (ctx.query.gzip === '1') {
      ctx.set('content-encoding', 'gzip');
      ctx.body = gzipSync(Buffer.alloc(chunks * size, 97));
      return;
    }
    ctx.body = Readable.from(generate());
    if (ctx.query.length === '1') ctx.length = chunks * size;
    return;
  }
  if (route === 'empty') {
    ctx.status = 204;
    return;
  }
  ctx.status = 404;
}
