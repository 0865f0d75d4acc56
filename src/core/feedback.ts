import {hasDom, pageSingleton} from './global.js';
import {getConfig} from './config.js';
import {warnOnce} from './warn.js';
import {isLeaderTab} from './leader.js';

/** Built-in cue names. Sounds are synthesised (no audio files to load or to block by CSP). */
export type CueName = 'success' | 'send' | 'error' | 'pop';
export const CUE_NAMES: readonly CueName[] = ['success', 'send', 'error', 'pop'];

/** Vibration patterns (ms on, off, on …), short enough to feel like a tap, not an alarm. */
const HAPTICS: Record<CueName, number[]> = {
  success: [12, 60, 18],
  send: [10],
  error: [30, 50, 30, 50, 30],
  pop: [6],
};

interface Tone {
  /** Start and end frequency in Hz (a sweep when they differ). */
  from: number;
  to: number;
  /** Offset and length in seconds. */
  at: number;
  length: number;
  type: OscillatorType;
}

const SOUNDS: Record<CueName, Tone[]> = {
  // Two rising notes: the "ding" of something done.
  success: [
    {from: 880, to: 880, at: 0, length: 0.09, type: 'sine'},
    {from: 1320, to: 1320, at: 0.08, length: 0.16, type: 'sine'},
  ],
  // A quick upward sweep: a "whoosh" of something sent.
  send: [{from: 320, to: 1400, at: 0, length: 0.16, type: 'sine'}],
  // Two low falling notes.
  error: [
    {from: 330, to: 300, at: 0, length: 0.12, type: 'triangle'},
    {from: 247, to: 220, at: 0.13, length: 0.18, type: 'triangle'},
  ],
  // A short blip.
  pop: [{from: 660, to: 990, at: 0, length: 0.05, type: 'sine'}],
};

const audio = () => pageSingleton<{context: AudioContext | undefined}>('audio', () => ({context: undefined}));

/** True once the user has interacted with the page (browsers block cues before that anyway). */
export function userHasInteracted(): boolean {
  if (typeof navigator === 'undefined') return false;
  const activation = (navigator as Navigator & {userActivation?: {hasBeenActive: boolean}}).userActivation;
  // NOTE: where userActivation is missing (older Safari) we cannot tell, and the browser's own
  // autoplay policy still applies, so we allow it.
  return activation ? activation.hasBeenActive : true;
}

const isCue = (name: unknown): name is CueName => CUE_NAMES.includes(name as CueName);

/**
 * Plays a synthesised sound cue, only when the page enabled sound (`configure({sound: true})`
 * or `<mi-provider sound>`) and the user has interacted. Returns whether it played.
 */
export function playSound(name: string, enabled = getConfig().sound): boolean {
  if (!enabled || !name || !hasDom() || !userHasInteracted() || !isLeaderTab()) return false;
  if (!isCue(name)) {
    warnOnce(`sound:${name.slice(0, 40)}`, `unknown sound "${name.slice(0, 40)}" (use ${CUE_NAMES.join(', ')}).`);
    return false;
  }
  const Ctx = window.AudioContext ?? (window as unknown as {webkitAudioContext?: typeof AudioContext}).webkitAudioContext;
  if (!Ctx) return false;
  try {
    const store = audio();
    const context = (store.context ??= new Ctx());
    if (context.state === 'suspended') void context.resume().catch(() => {});
    const start = context.currentTime + 0.01;
    for (const tone of SOUNDS[name]) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.type = tone.type;
      osc.frequency.setValueAtTime(tone.from, start + tone.at);
      osc.frequency.linearRampToValueAtTime(tone.to, start + tone.at + tone.length);
      // Quiet, with a quick fade in and out (no clicks).
      gain.gain.setValueAtTime(0, start + tone.at);
      gain.gain.linearRampToValueAtTime(0.08, start + tone.at + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + tone.at + tone.length);
      osc.connect(gain).connect(context.destination);
      osc.start(start + tone.at);
      osc.stop(start + tone.at + tone.length + 0.02);
    }
    return true;
  } catch {
    return false; // audio unsupported or blocked: cues are never the only channel
  }
}

/**
 * Vibrates with a named pattern, only when the page enabled haptics, the user has interacted,
 * the device can vibrate (not iOS Safari, not Firefox desktop) and motion is not reduced.
 * Returns whether it vibrated.
 */
export function vibrate(name: string, enabled = getConfig().haptics, reducedMotion = false): boolean {
  if (!enabled || !name || reducedMotion || !userHasInteracted() || !isLeaderTab()) return false;
  if (typeof navigator === 'undefined' || typeof navigator.vibrate !== 'function') return false;
  if (!isCue(name)) {
    warnOnce(`haptic:${name.slice(0, 40)}`, `unknown haptic "${name.slice(0, 40)}" (use ${CUE_NAMES.join(', ')}).`);
    return false;
  }
  try {
    return navigator.vibrate(HAPTICS[name]);
  } catch {
    return false;
  }
}
