// The support form's endpoint for demo/confirm.html:
//   POST /api/confirm/contact?mode=fast|ok|slow|fail|hang
// fast answers in 60 ms (no pending flash), ok in 800 ms, slow in 2.5 s, fail with HTTP 500 after
// 700 ms, and hang never answers (until the page gives up through its timeout and aborts).
const DELAYS = {fast: 60, ok: 800, slow: 2500, fail: 700, hang: 120_000};
let tickets = 1000;

export default async function confirmDemo(ctx, next) {
  if (ctx.path !== '/api/confirm/contact') return next();
  if (ctx.method !== 'POST') {
    ctx.status = 405;
    return;
  }
  let size = 0;
  for await (const chunk of ctx.req) {
    size += chunk.length;
    if (size > 100_000) break;
  }
  const mode = Object.hasOwn(DELAYS, ctx.query.mode) ? ctx.query.mode : 'ok';
  const aborted = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), DELAYS[mode]);
    ctx.res.once('close', () => (clearTimeout(timer), resolve(true)));
  });
  if (aborted) return;
  ctx.type = 'application/json';
  if (mode === 'fail') {
    ctx.status = 500;
    ctx.body = {error: 'The ticket system is down'};
    return;
  }
  ctx.body = {ticket: `T-${++tickets}`};
}
