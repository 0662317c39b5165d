// What belt control tells the runner, in one place: every outcome of a command ends in one of
// these sentences (shown beside the Stop button and spoken), so tests compare against them.

import type { ControlCommand } from './treadmill-control-types.js';

const kmhText = (kmh: number): string => (Math.round(kmh * 100) % 10 === 0 ? kmh.toFixed(1) : kmh.toFixed(2));
const percentText = (percent: number): string => `${percent.toFixed(1)} %`;
const seconds = (ms: number): number => Number((ms / 1000).toFixed(1));

/** A speed or an incline in the words the runner reads. */
const valueText = (command: 'speed' | 'incline', value: number): string => (command === 'speed' ? `${kmhText(value)} km/h` : percentText(value));

export const treadmillControlMessages = {
  notConnected: 'Connect the treadmill first.',
  noControlPoint: 'This treadmill takes no commands.',
  busy: 'The treadmill is still answering the last command.',
  notInControl: 'The app does not control the treadmill now; nothing was sent.',
  /** A Stop the treadmill refused (it is written even without control): `answer` is the refusal in words. */
  stopRefused: (answer: string): string => `${answer} Stop the belt with the treadmill's own Stop.`,
  /** The control point was read on connect but a write found it gone (NotFoundError). */
  controlPointGone: 'The treadmill\'s control point went away; nothing was sent.',
  controlPointGoneToStop: 'The treadmill\'s control point went away: stop the belt with the treadmill\'s own Stop.',
  notInControlToPause: 'The app does not control the treadmill now: pause the belt on the treadmill.',
  noSpeedTarget: 'This treadmill does not take a target speed.',
  noInclineTarget: 'This treadmill does not take a target incline.',
  cannotCarry: (reason: string): string => `The value cannot be sent to the treadmill (${reason}).`,
  noAnswer: (timeoutMs: number): string => `The treadmill did not answer within ${seconds(timeoutMs)} s.`,
  /** A treadmill that never answers, whose Treadmill Data moved toward the target and then stood still short of it or past it. */
  stoppedAt: (command: 'speed' | 'incline', reached: number, target: number): string =>
    `The ${command === 'speed' ? 'belt' : 'incline'} stopped at ${valueText(command, reached)}, ` +
    (reached > target ? `above the ${valueText(command, target)} asked.` : `short of ${valueText(command, target)}.`),
  /** Still moving toward the target when the longest wait ran out. */
  notReachedIn: (command: 'speed' | 'incline', target: number, capMs: number): string =>
    `The ${command === 'speed' ? 'belt' : 'incline'} had not reached ${valueText(command, target)} after ${seconds(capMs)} s.`,
  /** `what` is requestName's sentence start, `by` the command that went first. */
  superseded: (what: string, by: 'stop' | 'pause'): string => `${what} was given up: the ${by === 'stop' ? 'Stop' : 'Pause'} goes first.`,
  /** The earlier write was still not taken when this one's wait ran out: never written. */
  writeStuck: (what: string, waitedMs: number): string =>
    `${what} was not sent: the treadmill had not taken the last command after ${seconds(waitedMs)} s.`,
  /** A status 0xFF or reset while a command waited; `status` is describeStatus's sentence. */
  controlGone: (status: string, what: string): string => `${status} ${what} was not confirmed.`,
  linkLost: 'The treadmill disconnected before it answered.',
  droppedUnsent: 'The treadmill disconnected; the command was not sent.',
  notSent: (reason: string): string => `Could not send the command to the treadmill (${reason}).`,
  /** The treadmill's Supported Speed Range rules driving out (0 to 0, or upside down). */
  cannotDrive: (minKmh: number, maxKmh: number): string =>
    `This treadmill reports a speed range of ${kmhText(minKmh)} to ${kmhText(maxKmh)} km/h, so the app cannot set its speed.`,
  cannotIncline: (minPercent: number, maxPercent: number): string =>
    `This treadmill reports an incline range of ${percentText(minPercent)} to ${percentText(maxPercent)}, so the app cannot set its incline.`,
  done: {
    'request-control': () => 'The app has control of the treadmill.',
    speed: (value: number) => `The belt speed is set to ${kmhText(value)} km/h.`,
    incline: (value: number) => `The incline is set to ${value.toFixed(1)} %.`,
    start: () => 'The belt was started.',
    stop: () => 'The belt was stopped.',
    pause: () => 'The belt was paused.',
  } satisfies Record<ControlCommand, (value: number) => string>,
} as const;
