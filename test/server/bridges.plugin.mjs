// Real endpoints for the bus bridges' tests (src/bridges/), on the test server (loopback only).
// Each test uses its own ?channel=NAME:
//   GET  /__test/bridges/sse?channel=c[&lastEventId=N][&replay=K]  Server-Sent Events stream
//   GET  /__test/bridges/ws?channel=c[&replay=K]                   WebSocket (upgrade)
//   POST /__test/bridges/send?channel=c   body: [{data, id?, event?, binary?}]  push frames to both
//   POST /__test/bridges/restart?channel=c&downMs=500   drop every connection, refuse (503) for a while
//   GET  /__test/bridges/attempts?channel=c   [{kind, t, lastEventId}] every connection attempt
//   GET  /__test/bridges/clients?channel=c    {sse, ws} open connections
// Replay on (re)connection: frames after Last-Event-ID (header or ?lastEventId=, numeric ids),
// plus the last K frames whatever the client saw (?replay=K: an at-least-once server).
import {WebSocketServer} from 'ws';

const PREFIX = '/__test/bridges/';
const channels = new Map();

function channel(name) {
  let c = channels.get(name);
  if (!c) channels.set(name, (c = {sse: new Set(), ws: new Set(), history: [], attempts: [], downUntil: 0}));
  return c;
}

const loopback = (req) => ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress ?? '');

function sseFrame({id, event, data}) {
  let out = '';
  if (id !== undefined) out += `id: ${id}\n`;
  if (event) out += `event: ${event}\n`;
  for (const line of String(data).split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return `${out}\n`;
}

/** Frames a (re)connecting client gets: those after its last id, plus the last `replay` ones. */
function replayFor(c, lastEventId, replay) {
  const after = lastEventId === '' ? Infinity : Number(lastEventId);
  const tail = c.history.slice(Math.max(0, c.history.length - replay));
  return c.history.filter((f) => Number(f.id) > after || tail.includes(f));
}

async function readBody(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text;
}

const json = (res, value) => {
  res.writeHead(200, {'content-type': 'application/json', 'cache-control': 'no-store'});
  res.end(JSON.stringify(value));
};

async function handle(req, res, url) {
  const c = channel(url.searchParams.get('channel') ?? '');
  const replay = Math.min(Number(url.searchParams.get('replay')) || 0, 100);
  switch (url.pathname.slice(PREFIX.length)) {
    case 'sse': {
      const lastEventId = String(req.headers['last-event-id'] ?? url.searchParams.get('lastEventId') ?? '');
      c.attempts.push({kind: 'sse', t: Date.now(), lastEventId});
      if (Date.now() < c.downUntil) return void res.writeHead(503).end();
      req.socket.setTimeout(0);
      res.writeHead(200, {'content-type': 'text/event-stream', 'cache-control': 'no-store'});
      res.write(': connected\n\n');
      for (const f of replayFor(c, lastEventId, replay)) res.write(sseFrame(f));
      c.sse.add(res);
      res.on('close', () => c.sse.delete(res));
      return;
    }
    case 'send': {
      const frames = JSON.parse(await readBody(req));
      for (const f of frames) {
        if (f.id !== undefined) c.history.push(f);
        for (const res of c.sse) res.write(sseFrame(f));
        for (const ws of c.ws) ws.send(f.binary ? Buffer.from(String(f.data)) : String(f.data));
      }
      return json(res, {sent: frames.length, sse: c.sse.size, ws: c.ws.size});
    }
    case 'restart': {
      c.downUntil = Date.now() + Math.min(Number(url.searchParams.get('downMs')) || 0, 5000);
      for (const res of c.sse) res.destroy();
      for (const ws of c.ws) ws.terminate();
      return json(res, {down: true});
    }
    case 'attempts':
      return json(res, c.attempts);
    case 'clients':
      return json(res, {sse: c.sse.size, ws: c.ws.size});
    default:
      res.writeHead(404).end();
  }
}

export default {
  name: 'bridges-test-server',
  serverStart({server}) {
    const wss = new WebSocketServer({noServer: true});
    // Plain Node in front of the dev server's Koa app: a stream must not pass through Koa's
    // body transforms, so our paths are answered here and everything else goes on to Koa.
    const others = server.listeners('request');
    server.removeAllListeners('request');
    server.on('request', (req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (!url.pathname.startsWith(PREFIX)) return others.forEach((l) => l.call(server, req, res));
      if (!loopback(req)) return void res.writeHead(403).end();
      handle(req, res, url).catch(() => (res.headersSent ? res.destroy() : res.writeHead(400).end()));
    });
    server.on('upgrade', (req, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname !== `${PREFIX}ws`) return;
      if (!loopback(req)) return void socket.destroy();
      const c = channel(url.searchParams.get('channel') ?? '');
      c.attempts.push({kind: 'ws', t: Date.now(), lastEventId: ''});
      if (Date.now() < c.downUntil) {
        socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      const replay = Math.min(Number(url.searchParams.get('replay')) || 0, 100);
      wss.handleUpgrade(req, socket, head, (ws) => {
        c.ws.add(ws);
        ws.on('close', () => c.ws.delete(ws));
        ws.on('error', () => {});
        for (const f of c.history.slice(Math.max(0, c.history.length - replay))) ws.send(String(f.data));
      });
    });
  },
};
