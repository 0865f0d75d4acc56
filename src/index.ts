// The public API: classes, controllers, services, events and types. Importing it registers
// nothing (use 'mi-elements/define.js' or an element's define entry for that).
// NOTE: providers are listed before consumers so bundles that define in this order let
// @lit/context connect them (a consumer upgraded first never hears its provider).
export {MiProvider} from './provider/mi-provider.js';
export {providerContext, type ProviderConfig} from './provider/context.js';
export {MiElement} from './base/mi-element.js';
export {baseStyles} from './base/base.styles.js';

// Elements (classes only; registering is the define entries' job).
export {MiProgress, type ProgressState, type ProgressVariant} from './progress/mi-progress.js';
export {followUpload, followResponse, type ProgressTarget} from './progress/follow.js';
export {typicalDuration, rememberDuration, forgetDurations} from './progress/durations.js';
export {MiConfirm, type ConfirmContext, type ConfirmState} from './confirm/mi-confirm.js';
export {MiTyping, type PaceOptions} from './typing/mi-typing.js';
export {MiHint, type HintVariant, type HintCue} from './hint/mi-hint.js';
export {MiToaster} from './toaster/mi-toaster.js';
export {toast, type ToastPromiseOptions} from './toaster/toast.js';
export {type ToastAction, type ToastHandle, type ToastKind, type ToastOptions} from './toaster/notice.js';

export {bus, getBus, type Bus, type BusHandler, type BusMessage} from './core/bus.js';
export {announce, onAnnounce, clearAnnouncements, prepareAnnouncer, type AnnounceOptions, type Announcement, type Politeness} from './core/announcer.js';
export {configure, getConfig, onConfigChange, resetConfig, type MiConfig, type MotionSetting, type Strings} from './core/config.js';
export {resolveReducedMotion, systemPrefersReducedMotion, onMotionChange} from './core/motion.js';
export {canShow, readLoop, recordDismissed, recordShown, resetLoops, type LoopRecord, type LoopRule} from './core/loops.js';
export {playSound, vibrate, userHasInteracted, CUE_NAMES, type CueName} from './core/feedback.js';
export {formatDuration, formatList, formatPercent, resolveLang, fill} from './core/intl.js';
export {canDefine} from './core/define.js';
export {VERSION} from './core/version.js';

export {TriggerController, parseTriggers, resolveTarget, type Trigger, type TriggerKind} from './controllers/trigger-controller.js';
export {BusController, applyPatch, type BusControllerOptions, type BusMessageInfo, type PatchSchema, type PatchType} from './controllers/bus-controller.js';
export {MotionController} from './controllers/motion-controller.js';
export {LoopController, type LoopSources} from './controllers/loop-controller.js';

export {connectEventSource, LAST_EVENT_ID_PARAM, type EventSourceOptions} from './bridges/event-source.js';
export {connectWebSocket, type WebSocketOptions} from './bridges/web-socket.js';
export {connectBroadcastChannel, isLeader, LEADER_LOCK, type BroadcastChannelOptions} from './bridges/broadcast-channel.js';
export type {BridgeMessage, Topics} from './bridges/message.js';
export type {RetryOptions} from './bridges/backoff.js';

export * from './events.js';
