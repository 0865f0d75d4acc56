// GET /__test/typing/avatar.svg?letter=A : a real avatar image for <mi-typing> tests.
export default async function typingAvatar(ctx, next) {
  if (ctx.path !== '/__test/typing/avatar.svg') return next();
  const letter = String(ctx.query.letter ?? 'A').replace(/[^A-Za-z]/g, '').slice(0, 1) || 'A';
  ctx.type = 'image/svg+xml';
  ctx.body = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="16" fill="#0b57d0"/><text x="16" y="21" font-size="14" text-anchor="middle" fill="#fff" font-family="sans-serif">${letter}</text></svg>`;
}
