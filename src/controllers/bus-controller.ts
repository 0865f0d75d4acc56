import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {getBus, type BusMessage} from '../core/bus.js';
import {preview, warnOnce} from '../core/warn.js';

/** The type each documented bus-patchable property accepts. */
export type PatchType = 'number' | 'string' | 'boolean';
export type PatchSchema = Readonly<Record<string, PatchType>>;

const MAX_TOPICS = 20;
/** Bus text is capped: a 1 MB "label" from a server must not freeze the page. */
export const MAX_TEXT = 10_000;

/** What the host learns about a message beside its detail. */
export interface BusMessageInfo {
  /** When it was emitted, on the `performance.now()` clock (a replayed message may be old). */
  time: number;
  /** `true`: a topic's last message, sent before the host listened, applied on connect. */
  replay: boolean;
}

export interface BusControllerOptions {
  /** The host's `listen` value: space-separated topics. */
  topics: () => string | null | undefined;
  /** Applies one message (the last one of a topic on connect, then each new one). */
  onMessage: (detail: unknown, topic: string, info: BusMessageInfo) => void;
}

/**
 * Subscribes the host to the bus topics in its `listen` attribute while it is connected,
 * applies each topic's last message on connect (so a message sent before the element existed
 * still shows), and re-subscribes when `listen` changes.
 *
 * A message is applied to a host once: reconnecting (a move in the DOM, a framework re-render
 * that keeps the node) does not apply a topic's last message again if the host already had it,
 * so an old "open" or "typing" does not come back after the user or a timeout ended it.
 * Messages sent while the host was away are news and are applied on reconnect.
 */
export class BusController implements ReactiveController {
  private offs: Array<() => void> = [];
  private subscribed = '';
  private connected = false;
  /** By topic: the `seq` of the last message applied to the host. Kept while disconnected. */
  private readonly applied = new Map<string, number>();

  constructor(
    host: ReactiveControllerHost,
    private readonly options: BusControllerOptions
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.subscribe();
  }

  hostUpdate(): void {
    // NOTE: Lit still updates an element removed before its first render; subscribing then
    // would keep it alive through the bus for ever. Only a connected host subscribes.
    if (this.connected && (this.options.topics() ?? '').trim() !== this.subscribed) this.subscribe();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe();
  }

  private subscribe(): void {
    this.unsubscribe();
    const raw = (this.options.topics() ?? '').trim();
    this.subscribed = raw;
    // Most elements listen to nothing: connecting them costs no bus work.
    if (!raw && !this.applied.size) return;
    let topics = raw ? [...new Set(raw.split(/\s+/))] : [];
    if (topics.length > MAX_TOPICS) {
      warnOnce('listen-topics', `listen names more than ${MAX_TOPICS} topics; the rest are ignored.`);
      topics = topics.slice(0, MAX_TOPICS);
    }
    // A topic the host stopped listening to is forgotten: listening to it again is like new.
    for (const topic of this.applied.keys()) if (!topics.includes(topic)) this.applied.delete(topic);
    const bus = getBus();
    // NOTE: the bus is shared with every copy of the package on the page. One loaded from an
    // older release has no stamps (no lastMessage, handlers get no record): its messages get a
    // stamp here that never matches, so they are applied as before, on every connect.
    const stamp = (detail: unknown, topic: string): BusMessage => ({detail, topic, seq: NaN, time: performance.now()});
    for (const topic of topics) {
      this.offs.push(bus.on(topic, (detail, from, message) => this.apply(topic, message ?? stamp(detail, from), false)));
      const last = typeof bus.lastMessage == 'function' ? bus.lastMessage(topic) : stamp(bus.last(topic), topic);
      if (last && last.detail !== undefined && last.seq !== this.applied.get(topic)) this.apply(topic, last, true);
    }
  }

  /** Hands one message to the host, remembered under the topic the host listens to (maybe `*`). */
  private apply(topic: string, message: BusMessage, replay: boolean): void {
    this.applied.set(topic, message.seq);
    try {
      this.options.onMessage(message.detail, message.topic, {time: message.time, replay});
    } catch {
      // NOTE: a payload can be hostile (throwing getters, proxies); it is dropped, never rethrown.
      warnOnce(`bus-apply:${message.topic}`, `a "${message.topic}" bus message could not be applied and was ignored.`);
    }
  }

  private unsubscribe(): void {
    for (const off of this.offs) off();
    this.offs = [];
    this.subscribed = '';
  }
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Applies a bus payload to `target` as a patch of the documented properties in `schema` only.
 * Unknown keys are ignored; values of the wrong type are coerced when that is unambiguous
 * (`"42"` → 42) and otherwise ignored with one warning. Never throws, never touches prototypes.
 * Returns the names of the properties it set.
 */
export function applyPatch(target: object, detail: unknown, schema: PatchSchema, tag = 'element'): string[] {
  if (detail === null || typeof detail !== 'object' || Array.isArray(detail)) {
    warnOnce(`bus-payload:${tag}`, `<${tag}> ignored a bus message that is not an object: ${preview(detail)}.`);
    return [];
  }
  const applied: string[] = [];
  for (const key of Object.keys(detail)) {
    if (FORBIDDEN.has(key) || !Object.prototype.hasOwnProperty.call(schema, key)) continue;
    const value = coerce((detail as Record<string, unknown>)[key], schema[key]);
    if (value === undefined) {
      warnOnce(`bus-value:${tag}:${key}`, `<${tag}> ignored a bus value for "${key}": ${preview((detail as Record<string, unknown>)[key])}.`);
      continue;
    }
    (target as Record<string, unknown>)[key] = value;
    applied.push(key);
  }
  return applied;
}

function coerce(value: unknown, type: PatchType): number | string | boolean | null | undefined {
  switch (type) {
    case 'number': {
      if (value === null) return null;
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
    }
    case 'string':
      if (typeof value === 'string') return value.length > MAX_TEXT ? value.slice(0, MAX_TEXT) : value;
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 1) return true;
      if (value === 'false' || value === 0) return false;
      return undefined;
  }
}
