import {isLeaderTab, leadership} from '../core/leader.js';
import {getBus} from '../core/bus.js';
import {hasDom, pageSingleton} from '../core/global.js';
import {warnOnce} from '../core/warn.js';
import {deliver, delivering} from './deliver.js';
import {messageId, refuse, topicFilter, type Topics} from './message.js';

export interface BroadcastChannelOptions {
  /** Topics that cross between tabs (default `'all'`). */
  topics?: Topics;
}

/** The Web Locks name held by the leading tab of the origin. */
export const LEADER_LOCK = 'mi-elements/leader';

/** What one tab posts for one bus message. */
interface Post {
  /** Protocol mark, so other traffic on the channel is told apart. */
  mi: 1;
  /** Origin: the posting page's id. */
  o: string;
  t: string;
  d: unknown;
  i?: string;
}

interface TabState {
  id: string;
  channels: Map<string, {refs: number; close: () => void}>;
  stopLeading?: () => void;
}

// Page-wide, so two copies of the package on one page act as one tab.
const tab = () =>
  pageSingleton<TabState>('tab', () => ({
    id: Math.random().toString(36).slice(2) + Date.now().toString(36),
    channels: new Map(),
  }));

/**
 * True when this tab should play cues and announce for events shared across tabs: the tab the
 * user focused (or showed) last among those connected with `connectBroadcastChannel`; true in
 * a tab that is not connected.
 */
export const isLeader = isLeaderTab;

/**
 * The tab the user showed or focused last leads: it holds the `mi-elements/leader` Web Lock,
 * taking it over (`steal`) when it becomes visible or focused; the others wait in line, so when
 * the leader closes or crashes the next one leads. Without Web Locks (insecure contexts, opaque
 * origins), every visible tab leads.
 */
function lead(): () => void {
  const flag = leadership();
  const locks = navigator.locks as LockManager | undefined;
  let fallback = !locks;
  let generation = 0;
  let queued: AbortController | undefined;
  let release: (() => void) | undefined;
  let stealing = false;
  const request = (steal: boolean) => {
    const mine = ++generation;
    queued?.abort();
    queued = steal ? undefined : new AbortController();
    stealing = steal;
    locks!
      .request(LEADER_LOCK, queued ? {signal: queued.signal} : {steal: true}, () => {
        // Granted after a disconnect (or a newer request): hand it straight back.
        if (mine !== generation) return;
        flag.leader = true;
        stealing = false;
        return new Promise<void>((resolve) => (release = resolve));
      })
      .catch((error: unknown) => {
        if (mine !== generation) return;
        release = undefined;
        stealing = false;
        // Taken over by another tab: wait in line. Any other failure: visible tabs lead.
        if ((error as Error | null)?.name === 'AbortError') {
          flag.leader = false;
          request(false);
        } else {
          fallback = true;
          claim();
        }
      });
  };
  const claim = () => {
    const visible = document.visibilityState === 'visible';
    if (fallback) flag.leader = visible;
    else if (!flag.leader && !stealing && visible) request(true);
  };
  if (fallback) claim();
  else {
    flag.leader = false;
    request(document.visibilityState === 'visible');
  }
  addEventListener('focus', claim);
  document.addEventListener('visibilitychange', claim);
  return () => {
    generation++;
    queued?.abort();
    release?.();
    removeEventListener('focus', claim);
    document.removeEventListener('visibilitychange', claim);
    flag.leader = true;
  };
}

function open(name: string, self: string, wanted: (topic: string) => boolean): () => void {
  const channel = new BroadcastChannel(name);
  const onMessage = ({data}: MessageEvent) => {
    try {
      const {mi, o, t, d, i} = data as Post;
      if (mi !== 1 || typeof o !== 'string' || typeof t !== 'string') throw new TypeError('not ours');
      if (o !== self && wanted(t)) deliver(t, d, messageId(i), o);
    } catch {
      warnOnce(`channel-junk:${name}`, `connectBroadcastChannel("${name.slice(0, 40)}") ignored a message it did not send.`);
    }
  };
  channel.addEventListener('message', onMessage);
  const off = getBus().on('*', (detail, topic) => {
    const current = delivering();
    // NOTE: what came from another tab is not posted back (no echo), and neither is what a
    // handler emits while a bridged message is delivered: every tab emits that consequence itself.
    if (current && (current.fromTab || current.topic !== topic || current.detail !== detail)) return;
    if (!wanted(topic)) return;
    const post: Post = {mi: 1, o: self, t: topic, d: detail, i: current?.id};
    try {
      channel.postMessage(post);
    } catch {
      warnOnce(`channel-clone:${topic}`, `connectBroadcastChannel could not send a "${topic}" message to other tabs: its detail cannot be cloned.`);
    }
  });
  return () => {
    off();
    channel.removeEventListener('message', onMessage);
    channel.close();
  };
}

/**
 * Bridges the bus across the tabs (and frames) of one site: local bus messages are posted on the
 * BroadcastChannel `name`, and messages from other tabs are emitted locally — each once per tab,
 * never posted back. While connected, one tab leads (`isLeader()`). Connecting the same name
 * twice on a page shares one connection (the first call's options); each `disconnect()` undoes
 * one call.
 */
export function connectBroadcastChannel(name = 'mi-elements', options?: BroadcastChannelOptions): () => void {
  if (!hasDom()) return () => {};
  if (typeof BroadcastChannel === 'undefined') return refuse('channel-missing', 'connectBroadcastChannel: this browser has no BroadcastChannel.');
  if (typeof name !== 'string' || !/^.{1,200}$/s.test(name)) return refuse('channel-name', 'connectBroadcastChannel needs a channel name (1 to 200 characters).');
  const state = tab();
  let entry = state.channels.get(name);
  if (!entry) {
    entry = {refs: 0, close: open(name, state.id, topicFilter(options?.topics).wanted)};
    state.channels.set(name, entry);
    state.stopLeading ??= lead();
  }
  entry.refs++;
  let connected = true;
  return () => {
    if (!connected) return;
    connected = false;
    if (--entry.refs > 0) return;
    entry.close();
    state.channels.delete(name);
    if (state.channels.size === 0) {
      state.stopLeading?.();
      state.stopLeading = undefined;
    }
  };
}
