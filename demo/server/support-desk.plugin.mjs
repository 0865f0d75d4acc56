// The "support desk" demo's server: plain Node (no framework), on the demo's loopback server only.
// It pushes the events of a support ticket to every open page, as bus messages
// ({topic, detail, id}): over Server-Sent Events and over a WebSocket.
//   GET  /api/support-desk/events    SSE: ticket progress, agent typing, messages received (toasts)
//   GET  /api/support-desk/socket    WebSocket: delivery status of your reply, an attachment's progress
//   POST /api/support-desk/scenario  plays the whole ticket, from "received" to "solved"
//   POST /api/support-desk/reply     a plain form post (answered 204, so the page stays): your reply
//                                    is "delivered" and the agent answers
// Each event has an id; a reconnecting EventSource gets what it missed (Last-Event-ID header or
// the bridge's ?lastEventId=), and the page applies each id once.
import {WebSocketServer} from 'ws';

const PREFIX = '/api/support-desk/';
const TICKET = '#4821';
const AGENT = 'Ana';
const sse = new Set();
const sockets = new Set();
/** Recent SSE frames, replayed to a client that reconnects after missing them. */
const history = [];
// Ids must stay unique across server restarts (the page remembers the ids it applied): start
// from the clock.
let seq = Date.now();
let timers = [];

const LOOPBACK = ['127.0.0.1', '::1', '::ffff:127.0.0.1'];
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/** Loopback peers only, and (against DNS rebinding) only pages served from a loopback host. */
function local(req) {
  if (!LOOPBACK.includes(req.socket.remoteAddress ?? '')) return false;
  if (!LOCAL_HOST.test(req.headers.host ?? '')) return false;
  const origin = req.headers.origin;
  return !origin || origin === 'null' || LOCAL_HOST.test(origin.replace(/^https?:\/\//, ''));
}

/** Sends one bus message over SSE (the ticket's own stream). */
function push(topic, detail) {
  const id = ++seq;
  const frame = `id: ${id}\ndata: ${JSON.stringify({topic, detail})}\n\n`;
  history.push({id, frame});
  if (history.length > 50) history.shift();
  for (const res of sse) res.write(frame);
}

/** Sends one bus message over the WebSocket. */
function send(topic, detail) {
  const data = JSON.stringify({topic, detail, id: `ws-${++seq}`});
  for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(data);
}

/** Runs `steps` ([ms from now, fn]) and forgets the previous run's pending steps. */
function play(steps) {
  for (const t of timers) clearTimeout(t);
  timers = steps.map(([at, fn]) => setTimeout(fn, at));
}

const typing = (active) => push('agent-typing', {name: AGENT, active});
const ticket = (value, state = 'active') => push('ticket', {value, state, label: `Ticket ${TICKET}`});
const toast = (message, kind = 'info', id) => push('toast', {message, kind, id});

function scenario() {
  play([
    [0, () => ticket(0)],
    [0, () => send('attachment', {value: 0, max: 100, state: 'paused', label: 'Waiting for the agent'})],
    [0, () => send('delivery', {state: 'idle', id: 'reply'})],
    [200, () => toast(`Ticket ${TICKET} received. An agent will answer within minutes.`, 'info', 'ticket')],
    [1500, () => ticket(1)],
    [1500, () => toast(`${AGENT} from support took your ticket.`, 'info', 'ticket')],
    [2200, () => typing(true)],
    [5200, () => typing(false)],
    [5200, () => toast(`${AGENT}: Found it. Your refund is on its way; I am attaching the receipt.`, 'info', 'message-1')],
    ...[0, 12, 30, 55, 80, 100].map((value, i) => [
      5600 + i * 450,
      () => send('attachment', {value, max: 100, state: value === 100 ? 'success' : 'active', label: 'Receipt.pdf from Ana'}),
    ]),
    [8600, () => toast('Receipt.pdf received.', 'success', 'attachment')],
    [9200, () => typing(true)],
    [11000, () => typing(false)],
    [11000, () => ticket(2, 'success')],
    [11000, () => toast(`Ticket ${TICKET} solved. Thanks for your patience!`, 'success', 'ticket')],
  ]);
}

function reply(text) {
  const said = text.replace(/\s+/g, ' ').trim().slice(0, 120) || 'your message';
  play([
    [0, () => send('delivery', {state: 'pending', message: 'Sending your reply…', id: 'reply'})],
    [900, () => send('delivery', {state: 'success', message: `Delivered to ${AGENT}`, id: 'reply'})],
    [1400, () => typing(true)],
    [3600, () => typing(false)],
    [3600, () => toast(`${AGENT}: Thanks, I read “${said}”.`, 'info', 'message-2')],
  ]);
}

async function body(req) {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 10_000) break;
  }
  return text;
}

async function handle(req, res, path) {
  if (path === 'events' && req.method === 'GET') {
    const last = Number(req.headers['last-event-id'] ?? new URL(req.url, 'http://localhost').searchParams.get('lastEventId') ?? NaN);
    req.socket.setTimeout(0);
    res.writeHead(200, {'content-type': 'text/event-stream', 'cache-control': 'no-store'});
    res.write(': support desk\n\n');
    if (Number.isFinite(last)) for (const {id, frame} of history) if (id > last) res.write(frame);
    sse.add(res);
    res.on('close', () => sse.delete(res));
    return;
  }
  if (path === 'scenario' && req.method === 'POST') {
    scenario();
    return void res.writeHead(204).end();
  }
  if (path === 'reply' && req.method === 'POST') {
    reply(new URLSearchParams(await body(req)).get('message') ?? '');
    // 204: the browser stays on the page after the plain form post (and keeps what was typed).
    return void res.writeHead(204).end();
  }
  res.writeHead(404).end();
}

export default {
  name: 'support-desk-demo',
  serverStart({server}) {
    const wss = new WebSocketServer({noServer: true});
    // Our paths are answered here, before the dev server's Koa app (a stream must not go
    // through its body transforms); everything else goes on to it.
    const others = server.listeners('request');
    server.removeAllListeners('request');
    server.on('request', (req, res) => {
      const path = (req.url ?? '').split('?')[0];
      if (!path.startsWith(PREFIX)) return others.forEach((l) => l.call(server, req, res));
      if (!local(req)) return void res.writeHead(403).end();
      handle(req, res, path.slice(PREFIX.length)).catch(() => (res.headersSent ? res.destroy() : res.writeHead(400).end()));
    });
    server.on('upgrade', (req, socket, head) => {
      if ((req.url ?? '').split('?')[0] !== `${PREFIX}socket`) return;
      if (!local(req)) return void socket.destroy();
      wss.handleUpgrade(req, socket, head, (ws) => {
        sockets.add(ws);
        ws.on('close', () => sockets.delete(ws));
        ws.on('error', () => {});
      });
    });
  },
};
