#!/usr/bin/env node
// Core micro-benchmarks (issue 2), in plain Node against the built package (dist/):
// - bus: emit → handler cost with 10 000 subscribers on one topic (median of 9 runs);
// - bus: emits per second to a topic with 1 subscriber;
// - announcer: throughput is by design one write per 150 ms (WRITE_GAP_MS) — printed, not timed.
// Usage: npm run build (root), then node bench/core.mjs
import {performance} from 'node:perf_hooks';

const {bus, WRITE_GAP_MS} = await import('../dist/index.js').then(async (m) => ({
  ...m,
  WRITE_GAP_MS: (await import('../dist/core/announcer.js')).WRITE_GAP_MS,
}));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// 10 000 subscribers on one topic.
let calls = 0;
const offs = Array.from({length: 10_000}, () => bus.on('bench', () => calls++));
const runs = [];
for (let i = 0; i < 9; i++) {
  const t0 = performance.now();
  bus.emit('bench', {i});
  runs.push(performance.now() - t0);
}
offs.forEach((off) => off());
const perEmit = median(runs);

// Emits per second with one subscriber.
const off = bus.on('one', () => calls++);
const n = 200_000;
const t0 = performance.now();
for (let i = 0; i < n; i++) bus.emit('one', i);
const rate = n / ((performance.now() - t0) / 1000);
off();

console.log('| core figure | value |');
console.log('|---|---:|');
console.log(`| bus.emit to 10 000 subscribers (median of 9) | ${perEmit.toFixed(2)} ms (${((perEmit * 1e6) / 10_000).toFixed(0)} ns per handler) |`);
console.log(`| bus.emit with 1 subscriber | ${Math.round(rate).toLocaleString('en')} emits/s |`);
console.log(`| announcer throughput | 1 write per ${WRITE_GAP_MS} ms (≈ ${Math.floor(1000 / WRITE_GAP_MS)} messages/s), by design: queued, none dropped |`);
if (calls < 10_000 * 9 + n) process.exit(1);
