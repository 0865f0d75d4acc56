// Drives the bridges' test endpoints (test/server/bridges.plugin.mjs) and records bus traffic.
import {expect} from '@open-wc/testing';
import {bus} from '../../src/core/bus.js';

export interface Frame {
  data: string;
  id?: string | number;
  event?: string;
  /** WebSocket only: send as a binary frame. */
  binary?: boolean;
}

export interface Attempt {
  kind: 'sse' | 'ws';
  t: number;
  lastEventId: string;
}

const base = '/__test/bridges/';

/** A channel name no other test uses (the server keeps state per channel). */
export const newChannel = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

export const sseUrl = (channel: string, query = '') => `${base}sse?channel=${channel}${query}`;
export const wsUrl = (channel: string, query = '') => `${base}ws?channel=${channel}${query}`;

const call = async <T>(path: string, channel: string, init?: RequestInit, query = ''): Promise<T> =>
  (await fetch(`${base}${path}?channel=${channel}${query}`, {cache: 'no-store', ...init})).json() as Promise<T>;

/** Pushes frames to every SSE and WebSocket client of the channel (and keeps those with ids). */
export const send = (channel: string, frames: Frame[]) => call('send', channel, {method: 'POST', body: JSON.stringify(frames)});

/** Drops every connection of the channel and refuses new ones for `downMs`. */
export const restart = (channel: string, downMs: number) => call('restart', channel, {method: 'POST'}, `&downMs=${downMs}`);

export const attempts = (channel: string) => call<Attempt[]>('attempts', channel);
export const clients = (channel: string) => call<{sse: number; ws: number}>('clients', channel);

/** An envelope frame's data. */
export const envelope = (topic: string, detail: unknown, id?: string | number) => JSON.stringify({topic, detail, id});

/** Polls `check` until it is true (or fails after `timeout` ms). */
export async function until(check: () => boolean | Promise<boolean>, timeout = 3000, what = 'condition'): Promise<void> {
  const end = performance.now() + timeout;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

/** Records the details of a bus topic. */
export function record(topic: string): {details: unknown[]; stop: () => void} {
  const details: unknown[] = [];
  const stop = bus.on(topic, (d) => details.push(d));
  return {details, stop};
}

/** The delays between successive reconnection attempts after the first connection. */
export async function retryGaps(channel: string): Promise<{retries: Attempt[]; gaps: number[]}> {
  const retries = (await attempts(channel)).slice(1);
  // From one retry to the next: the 2nd, 3rd, 4th… delay.
  return {retries, gaps: retries.slice(1).map((a, i) => a.t - retries[i].t)};
}

/**
 * What every server bridge promises on disconnect (the same for SSE and WebSocket): `connect`
 * opens one to the channel's endpoint, `connected` waits for the server to count n clients.
 */
export function describeCleanup(
  what: string,
  connect: (channel: string, options?: {retryMs: number; maxRetryMs: number}) => () => void,
  connected: (channel: string, n?: number) => Promise<void>
): void {
  describe('cleanup', () => {
    it(`disconnect closes the ${what} and stops delivering; twice is harmless`, async () => {
      const channel = newChannel('close');
      const got = record(channel);
      const disconnect = connect(channel);
      await connected(channel);
      disconnect();
      disconnect();
      await connected(channel, 0);
      await send(channel, [{data: envelope(channel, 'late')}]);
      await new Promise((r) => setTimeout(r, 100));
      expect(got.details).to.deep.equal([]);
      got.stop();
    });

    it('disconnect while a reconnection is pending stops reconnecting', async () => {
      const channel = newChannel('pending');
      const disconnect = connect(channel, {retryMs: 60, maxRetryMs: 60});
      await connected(channel);
      await restart(channel, 2000);
      await until(async () => (await attempts(channel)).length >= 3);
      disconnect();
      const count = (await attempts(channel)).length;
      await new Promise((r) => setTimeout(r, 250));
      expect((await attempts(channel)).length).to.equal(count);
    });
  });
}
