// Demo endpoints for demo/progress.html (loopback only, served by scripts/start.mjs):
// POST /api/progress/upload[?fail=1]  reads the body at about 2 MB/s (so the upload is visible),
//      answers {bytes}; with fail=1 it reads it all, then answers 503.
// GET  /api/progress/report           a server job without progress events: 1.2–2.4 s, then JSON.
// GET  /api/progress/download[?stall=1]  2 MB in 64 kB chunks with a Content-Length, about 1 s;
//      with stall=1 it stops for 4 s half-way.
import {Readable} from 'node:stream';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const RATE = 2 * 1024 * 1024; // bytes per second

export default async function progressDemo(ctx, next) {
  if (!ctx.path.startsWith('/api/progress/')) return next();
  const route = ctx.path.slice('/api/progress/'.length);
  ctx.set('cache-control', 'no-store');
  if (route === 'upload' && ctx.method === 'POST') {
    let bytes = 0;
    for await (const chunk of ctx.req) {
      bytes += chunk.length;
      await sleep((chunk.length / RATE) * 1000);
    }
    ctx.type = 'application/json';
    if (ctx.query.fail === '1') {
      ctx.status = 503;
      ctx.body = JSON.stringify({error: 'The storage service is not available'});
      return;
    }
    ctx.body = JSON.stringify({bytes});
    return;
  }
  if (route === 'report') {
    await sleep(1200 + Math.random() * 1200);
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({rows: 1280, generatedAt: new Date().toISOString()});
    return;
  }
  if (route === 'download') {
    const chunk = 64 * 1024;
    const chunks = 32;
    const stall = ctx.query.stall === '1';
    async function* generate() {
      for (let i = 0; i < chunks; i++) {
        await sleep(stall && i === chunks / 2 ? 4000 : 30);
        yield Buffer.alloc(chunk, 46);
      }
    }
    ctx.type = 'application/octet-stream';
    ctx.body = Readable.from(generate());
    ctx.length = chunk * chunks;
    return;
  }
  ctx.status = 404;
}
