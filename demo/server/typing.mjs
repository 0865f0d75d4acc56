// GET /api/typing/avatar/<Name>.svg : an initial-letter avatar for the <mi-typing> demo (served
// locally: the demo makes no third-party requests).
const COLORS = ['#0b57d0', '#146c2e', '#8e24aa', '#b3261e', '#00696f'];

export default async function typingAvatars(ctx, next) {
  const match = /^\/api\/typing\/avatar\/([A-Za-z]{1,20})\.svg$/.exec(ctx.path);
  if (!match) return next();
  const name = match[1];
  const color = COLORS[name.charCodeAt(0) % COLORS.length];
  ctx.type = 'image/svg+xml';
  ctx.set('Cache-Control', 'max-age=3600');
  ctx.body = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="16" fill="${color}"/><text x="16" y="21" font-size="15" text-anchor="middle" fill="#fff" font-family="system-ui,sans-serif">${name[0].toUpperCase()}</text></svg>`;
}
