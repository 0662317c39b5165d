// Why a belt command cannot go out, or why its write failed, in words: the answers the control
// gives without the treadmill having said anything.

import type { ControlCommand, ControlFailure, ControlOutcome, TreadmillCapabilities } from './treadmill-control-types.js';
import { treadmillControlMessages as words } from './treadmill-control-words.js';

export const failed = (failure: ControlFailure, message: string): ControlOutcome => ({ ok: false, failure, message });

/**
 * Why `command` cannot be written now, or null. Checked when it is asked and again right before a
 * write that had to wait. `awaitingControl`: a Stop or Pause waiting for Request Control's answer.
 * Besides Request Control, a Stop is the one command written without control: sending it is never
 * harmful, and the treadmill that refuses it says so.
 */
export function refusal(capabilities: TreadmillCapabilities | null, hasControl: boolean, command: ControlCommand, awaitingControl = false): ControlOutcome | null {
  if (!capabilities) return failed('not-connected', words.notConnected);
  if (!capabilities.controlPoint) return failed('no-control-point', words.noControlPoint);
  if (command === 'request-control' && capabilities.cannotDrive) return failed('refused', capabilities.cannotDrive);
  if (command !== 'request-control' && command !== 'stop' && !hasControl && !awaitingControl) {
    return failed('not-permitted', command === 'pause' ? words.notInControlToPause : words.notInControl);
  }
  if (command === 'speed' && capabilities.feature?.speedTargetSupported === false) return failed('refused', words.noSpeedTarget);
  if (command === 'incline' && capabilities.cannotIncline) return failed('refused', capabilities.cannotIncline);
  if (command === 'incline' && capabilities.feature?.inclinationTargetSupported === false) return failed('refused', words.noInclineTarget);
  return null;
}

/**
 * A write the link refused: a lost link or a control point gone (it was there on connect) in their
 * own words, anything else as it was said.
 */
export function sendFailed(error: unknown, command: ControlCommand): ControlOutcome {
  if (error instanceof DOMException && error.name === 'NotFoundError') {
    return failed('no-control-point', command === 'stop' ? words.controlPointGoneToStop : words.controlPointGone);
  }
  if (error instanceof DOMException && error.name === 'NetworkError') return failed('link-lost', words.linkLost);
  return failed('not-sent', words.notSent(error instanceof Error ? error.message : String(error)));
}
