import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {getBus} from '../core/bus.js';
import {preview, warnOnce} from '../core/warn.js';

/** The type each documented bus-patchable property accepts. */
export type PatchType = 'number' | 'string' | 'boolean';
export type PatchSchema = Readonly<Record<string, PatchType>>;

const MAX_TOPICS = 20;
/** Bus text is capped: a 1 MB "label" from a server must not freeze the page. */
export const MAX_TEXT = 10_000;

export interface BusControllerOptions {
  /** The host's `listen` value: space-separated topics. */
  topics: () => string | null | undefined;
  /** Applies one message (the last one of a topic on connect, then each new one). */
  onMessage: (detail: unknown, topic: string) => void;
}

/**
 * Subscribes the host to the bus topics in its `listen` attribute while it is connected,
 * applies each topic's last message on connect (so a message sent before the element existed
 * still shows), and re-subscribes when `listen` changes.
 */
export class BusController implements ReactiveController {
  private offs: Array<() => void> = [];
  private subscribed = '';
  private connected = false;

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
    if (!raw) return;
    let topics = [...new Set(raw.split(/\s+/))];
    if (topics.length > MAX_TOPICS) {
      warnOnce('listen-topics', `listen names more than ${MAX_TOPICS} topics; the rest are ignored.`);
      topics = topics.slice(0, MAX_TOPICS);
    }
    const bus = getBus();
    const handler = (detail: unknown, topic: string) => {
      try {
        this.options.onMessage(detail, topic);
      } catch {
        // NOTE: a payload can be hostile (throwing getters, proxies); it is dropped, never rethrown.
        warnOnce(`bus-apply:${topic}`, `a "${topic}" bus message could not be applied and was ignored.`);
      }
    };
    for (const topic of topics) {
      this.offs.push(bus.on(topic, handler));
      const last = bus.last(topic);
      if (last !== undefined) handler(last, topic);
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
