import {pageSingleton} from './global.js';

/**
 * The page-wide leadership flag. Always true on its own; a BroadcastChannel bridge
 * (src/bridges/broadcast-channel.ts) keeps it when tabs share events, so one shared event plays
 * one sound, not one per open tab.
 */
export const leadership = (): {leader: boolean} => pageSingleton('leader', () => ({leader: true}));

/** Whether this tab leads for cues and hidden-tab announcements. */
export const isLeaderTab = (): boolean => leadership().leader;
