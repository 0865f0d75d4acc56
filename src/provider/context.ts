import {createContext} from '@lit/context';
import type {MotionSetting, Strings} from '../core/config.js';

/** What a `<mi-provider>` hands to the elements inside it. Unset fields fall through to the page. */
export interface ProviderConfig {
  motion?: MotionSetting;
  lang?: string;
  strings?: Strings;
  sound?: boolean;
  haptics?: boolean;
}

export const providerContext = createContext<ProviderConfig | undefined>(Symbol.for('mi-elements/provider@1'));
