// Demo endpoint (loopback only, served by scripts/start.mjs):
// POST /api/toaster/save?fail=1 answers after ~800 ms with 200, or 503 when `fail` is set.
export default async function toaster(ctx, next) {
  if (!ctx.path.startsWith('/api/toaster/')) return next();
  await new Promise((resolve) => setTimeout(resolve, 800));
  const fail = ctx.query.fail === '1';
  ctx.status = fail ? 503 : 200;
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(fail ? {ok: false, error: 'The server is busy'} : {ok: true, id: Math.floor(Math.random() * 1000)});
}
