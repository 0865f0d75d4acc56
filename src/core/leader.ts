import {pageSingleton} from './global.js';

/**
 * Whether this tab leads for cues and hidden-tab announcements. Always true on its own; a
 * BroadcastChannel bridge (src/bridges/broadcast-channel.ts) keeps the flag when tabs share
 * events, so one shared event plays one sound, not one per open tab.
 */
export const isLeaderTab = (): boolean => pageSingleton('leader', () => ({leader: true})).leader;
