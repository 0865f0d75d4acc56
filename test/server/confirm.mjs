// Real endpoints for <mi-confirm> outcome tests (no fetch mocks):
//   /__test/confirm/submit?status=500&delay=300   any method; answers after `delay` ms with `status`
//   /__test/confirm/submit?graphql=error          200 with a GraphQL-style {errors: […]} body
// The request body (form data) is read and counted, so a test can see what was sent.
export default async function confirm(ctx, next) {
  if (!ctx.path.startsWith('/__test/confirm/')) return next();
  let size = 0;
  for await (const chunk of ctx.req) size += chunk.length;
  const delay = Math.min(Math.max(Number(ctx.query.delay) || 0, 0), 10_000);
  if (delay) {
    // Stop waiting when the client gives up (abort/timeout): nothing left to answer.
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, delay);
      ctx.res.once('close', () => (clearTimeout(timer), resolve()));
    });
  }
  const status = Number(ctx.query.status ?? 200);
  ctx.status = Number.isInteger(status) && status >= 200 && status <= 599 ? status : 200;
  ctx.type = 'application/json';
  ctx.body =
    ctx.query.graphql === 'error'
      ? {data: null, errors: [{message: 'Ticket quota exceeded'}]}
      : {ok: ctx.status < 400, method: ctx.method, bytes: size};
}
