// The other tab of broadcast-channel.test.ts (opened with window.open: its own realm, bus, tab
// id and Web Locks holder), running the bridges from source.
import {bus} from '../../src/core/bus.js';
import {connectBroadcastChannel, isLeader} from '../../src/bridges/broadcast-channel.js';
import {connectEventSource} from '../../src/bridges/event-source.js';

export interface Peer {
  bus: typeof bus;
  connectBroadcastChannel: typeof connectBroadcastChannel;
  connectEventSource: typeof connectEventSource;
  isLeader: typeof isLeader;
}

const peer: Peer = {bus, connectBroadcastChannel, connectEventSource, isLeader};
Object.assign(window, {peer});
