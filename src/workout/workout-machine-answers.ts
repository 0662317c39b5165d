// What the treadmill says, for the workout machine (workout-machine.ts): its status (its own stop,
// safety key, loss of control, a speed changed on its console) and the outcome of each command.
// The treadmill's own stop always wins; a speed set on the console is the runner's for the step.

import { describeStatus, type FitnessMachineStatus } from '../ble/ftms-status.js';
import { beltSpeedWords } from './speed-words.js';
import type { CommandOutcome, MachineCommand, MachineState } from './workout-machine-types.js';

export const PRESS_RESUME = 'Press Resume when you are ready.';

/** The workout is under way (not idle, not waiting for the confirmation, not over). */
export const active = (s: MachineState): boolean => s.phase === 'starting' || s.phase === 'running' || s.phase === 'paused';

export function onStatus(s: MachineState, status: FitnessMachineStatus, halt: (by: MachineState['pausedBy']) => void, say: (t: string) => void): void {
  switch (status.kind) {
    case 'stopped-or-paused-by-user':
    case 'stopped-by-safety-key':
    case 'control-permission-lost':
    case 'reset': {
      if (status.kind !== 'stopped-or-paused-by-user') s.hasControl = false;
      // The belt stopping as the runner's own Pause asked is no news.
      if (!active(s) || (status.kind === 'stopped-or-paused-by-user' && s.phase === 'paused' && s.pausedBy === 'runner')) return;
      halt('treadmill');
      say(`${describeStatus(status)} The workout is paused; the app will not start the belt. ${PRESS_RESUME}`);
      return;
    }
    case 'target-speed-changed': {
      // Our own speed being confirmed, or the runner's hand on the console: the step keeps theirs.
      // A treadmill reports our target in its own rounding (mph steps of 0.16 km/h): within one
      // increment of its range it is ours.
      const ours = s.beltTargetKmh !== null && Math.abs(status.kmh - s.beltTargetKmh) < sameSpeedKmh(s) - 1e-9;
      // Paused, too: a runner who turns the belt down on the console during a Pause keeps it at
      // the Resume. A target of 0 while paused is the belt standing still, not a setting.
      const turned = s.phase === 'running' || (s.phase === 'paused' && status.kmh > 0);
      if (ours || !turned || s.inFlight?.kind === 'speed' || s.mode !== 'belt') return;
      beltTook(s, status.kmh);
      s.overridden = true;
      // Promised to be left alone: the step's own speed waiting to go out is not sent after all.
      s.queue = s.queue.filter((c) => c.kind !== 'speed' || c.step !== s.stepIndex);
      say(`The speed was changed on the treadmill to ${beltSpeedWords(status.kmh, s.settings.unit)}: the app leaves it for this step.`);
      return;
    }
    case 'target-incline-changed':
      return;
    case 'started-or-resumed':
      if (s.phase === 'paused') say(`The belt was started on the treadmill. The workout stays paused: ${PRESS_RESUME}`);
      return;
    case 'unknown':
      return;
  }
}

/**
 * The treadmill took `kmh`: the belt is on its way there (belt-by-hand.ts). It left from its last
 * setting, or, if it had not reached that yet, from wherever that move began: the wider span.
 */
function beltTook(s: MachineState, kmh: number): void {
  const was = s.beltTargetKmh;
  const began = s.beltFromKmh;
  if (was === null || s.beltSettled) s.beltFromKmh = was;
  // Not known where the belt began (the workout's first speed not reached yet): it stays unknown.
  else if (began !== null) s.beltFromKmh = Math.abs(began - kmh) > Math.abs(was - kmh) ? began : was;
  s.beltSettled = false;
  s.beltTargetKmh = kmh;
}

/** Speeds closer than this are the same setting: one increment of the belt's range, else 0.1 km/h. */
const sameSpeedKmh = (s: MachineState): number => {
  const increment = s.limits.speed?.incrementKmh ?? 0;
  return increment > 0 && Number.isFinite(increment) ? increment : 0.1;
};

const REFUSALS = new Set(['refused', 'not-permitted', 'no-control-point']);

export function onOutcome(s: MachineState, command: MachineCommand, outcome: CommandOutcome, startBelt: () => void, say: (t: string) => void): void {
  if (command.kind === 'stop' || command.kind === 'pause') {
    if (s.urgent?.kind === command.kind) s.urgent = null;
    if (!outcome.ok) say(`${outcome.message} Use the treadmill's own ${command.kind === 'stop' ? 'Stop' : 'Pause'} button.`);
    return;
  }
  if (s.inFlight?.kind !== command.kind) return;
  s.inFlight = null;
  // Not sent after all (the workout stopped while the limits were read again): nothing to say.
  if (!outcome.ok && outcome.failure === 'dropped') return;
  if (outcome.ok) {
    // The belt's target is what the treadmill took: a refused speed never reached the belt.
    if (command.kind === 'speed' && command.value !== undefined) beltTook(s, command.value);
    // The belt starts again from a standstill (a pause, the treadmill's own stop): on its way up to
    // its setting it is the app's doing, not a hand on the console.
    if (command.kind === 'start' && s.beltTargetKmh !== null) {
      s.beltFromKmh = 0;
      s.beltSettled = false;
    }
    if (command.kind === 'incline') s.inclineTarget = command.value ?? null;
    if (command.kind === 'request-control') {
      s.hasControl = true;
      if (s.phase === 'starting') startBelt();
    }
    return;
  }
  if (command.kind === 'request-control' && REFUSALS.has(outcome.failure) && s.phase === 'starting') {
    s.mode = 'voice';
    s.modeReason = `${outcome.message} The workout runs by screen and voice: set the belt yourself.`;
    s.phase = 'running';
    s.pausedBy = null;
    s.armed = false;
    say(s.modeReason);
    return;
  }
  if (command.kind === 'request-control' || command.kind === 'start') {
    if (s.phase === 'starting' || s.phase === 'running') {
      s.phase = 'paused';
      s.pausedBy = 'failure';
    }
    s.armed = false;
    s.queue = [];
    s.lastAtMs = null;
    s.lastDistanceM = null;
    say(`${outcome.message} The workout is paused: press Resume to try again, or run it on the treadmill's own buttons.`);
    return;
  }
  // A speed or incline not taken is said, never sent again on the app's own decision.
  say(outcome.message);
}
