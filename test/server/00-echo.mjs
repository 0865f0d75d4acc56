// GET /__test/echo?status=500&delay=200&body=… : a real endpoint for outcome tests.
export default async function echo(ctx, next) {
  if (!ctx.path.startsWith('/__test/echo')) return next();
  const status = Number(ctx.query.status ?? 200);
  const delay = Math.min(Number(ctx.query.delay ?? 0), 10_000);
  if (delay > 0) await new Promise((r) => setTimeout(r, delay));
  ctx.status = Number.isInteger(status) && status >= 200 && status <= 599 ? status : 200;
  ctx.type = 'application/json';
  ctx.body = JSON.stringify({ok: ctx.status < 400, method: ctx.method});
}
