// GET|POST /__test/toaster/save?status=500&delay=100 : a real endpoint for toast.promise outcome tests.
export default async function toaster(ctx, next) {
  if (!ctx.path.startsWith('/__test/toaster/')) return next();
  const delay = Math.min(Math.max(Number(ctx.query.delay) || 0, 0), 2000);
  if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
  const status = Number(ctx.query.status);
  ctx.status = Number.isInteger(status) && status >= 200 && status <= 599 ? status : 200;
  ctx.type = 'application/json';
  ctx.body = JSON.stringify({ok: ctx.status < 400, saved: ctx.status < 400 ? 'draft-42' : null});
}
