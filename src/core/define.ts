import {VERSION} from './version.js';
import {warnOnce} from './warn.js';

/** Custom element classes of this package carry their version for the guarded define. */
export interface Versioned {
  readonly miVersion?: string;
}

/**
 * Whether `tag` may be defined now. Never throws:
 * - no registry (plain Node, server rendering): false;
 * - not defined yet: true;
 * - already defined by this version (the package loaded twice): false, silently;
 * - defined by another version or another library: false, with one warning naming both.
 *
 * Each element's define.ts uses it right before a literal `customElements.define(tag, Class)`
 * call, which analysers and bundlers understand.
 */
export function canDefine(tag: string, ctor: CustomElementConstructor & Versioned): boolean {
  if (typeof customElements === 'undefined') return false;
  const existing = customElements.get(tag) as (CustomElementConstructor & Versioned) | undefined;
  if (!existing) return true;
  if (existing === ctor) return false;
  const mine = ctor.miVersion ?? VERSION;
  const theirs = existing.miVersion;
  if (theirs !== mine) {
    warnOnce(
      `define:${tag}`,
      `<${tag}> is already defined by ${theirs ? `mi-elements ${theirs}` : 'another script'}; ` +
        `this copy (mi-elements ${mine}) uses that definition.`
    );
  }
  return false;
}
