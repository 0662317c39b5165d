// The workout runner's rules, as one step function: step(state, event) => { state, commands, says }.
// Every safety rule of driving a belt lives here, so it is tested with a fake clock and nothing
// else; the service that sends the commands (services/workout-run.ts) decides nothing.
//
// - Nothing is sent before a runner's Start (and the first-time confirmation): control is asked
//   for first, and the belt is started only once it is granted, after that press.
// - A step's speed and incline are set once, when it starts (or early by the learned lag), and
//   not again within it: only a runner's Resume, or the optional hold-pace rule, sends one again.
// - The treadmill's own stop, its safety key and a loss of control pause the workout, drop every
//   command waiting, and nothing is sent until the runner presses something.
// - A lost link or a hidden page sends nothing new and pauses the workout; it stays paused when
//   the link is back, until the runner resumes.
// - A confirmation given while the link is down leaves the workout paused: nothing goes out when
//   the link comes back, only on a press.
// - A speed set on the treadmill's console (while running or paused) is the runner's for the rest
//   of the step: no speed is sent in that step, not even at a Resume. The treadmill's own rounding of the app's target
//   (within one increment of its range) is not such a change. On a console that reports nothing,
//   Treadmill Data tells (belt-by-hand.ts), measured against the speed the treadmill last took.
// - The belt's target shown is the speed the treadmill took, never one it refused.
// - Hold-pace corrections are clamped like every speed; one that lands on the speed the belt was
//   last set to, or breaks the hold-pace bounds on the treadmill's grid, is not sent. The 0.3 km/h
//   is measured from the speed the app last set; none goes out before the belt has reached it, nor
//   within 30 s of a Resume.
// - A maximum lowered in Settings during the workout holds for everything not yet sent.
// - The workout's clock is the run's: while the footpod is silent or gone the steps wait (said
//   once), and the gap is not counted.
// - Voice mode (no control point, control refused, no treadmill) never sends anything.
// - The workout's recording stopped ends the workout and sends nothing; the belt keeps its speed
//   until the runner's Stop the belt, which still stops it once the workout is over (while the app
//   holds control on that link).
// - One ordinary command at a time; a Stop or Pause press goes out at once, past it. A Stop that
//   cannot reach the treadmill says so: the runner stops the belt on the treadmill.

import { clampIncline, clampSpeed } from './belt-limits.js';
import { sendAheadS } from './early-send.js';
import { watchBelt } from './belt-by-hand.js';
import { HOLD_BAND, holdPaceSpeed, MAX_CORRECTION_KMH } from './hold-pace.js';
import { beltSpeedWords } from './speed-words.js';
import type { MachineCommand, MachineEvent, MachineState, MachineStep } from './workout-machine-types.js';
import { active, onOutcome, onStatus, PRESS_RESUME } from './workout-machine-answers.js';
import { stepLeftS } from './workout-machine-position.js';
import { RECORDING_ENDED_BELT, stopAfterFinish } from './workout-machine-ends.js';
import type { PlannedStep } from './workout-types.js';

export type * from './workout-machine-types.js';

const PRESSES = new Set<MachineEvent['kind']>(['start', 'confirm', 'cancel', 'pause', 'resume', 'stop', 'skip']);

export function idleMachine(): MachineState {
  return {
    phase: 'idle',
    mode: 'voice',
    modeReason: null,
    steps: [],
    limits: { speed: null, incline: null, maxSpeedKmh: 0, maxInclinePercent: 0 },
    settings: { holdPace: false, sendEarly: false, lagS: null, unit: 'km' },
    stepIndex: 0,
    stepStartS: 0,
    stepStartM: 0,
    runningS: 0,
    coveredM: 0,
    lastAtMs: null,
    lastDistanceM: null,
    pausedBy: null,
    linkUp: true,
    podUp: true,
    hidden: false,
    hasControl: false,
    requested: false,
    armed: false,
    inFlight: null,
    urgent: null,
    queue: [],
    sentStep: null,
    beltTargetKmh: null,
    beltFromKmh: null,
    beltSettled: false,
    inclineTarget: null,
    overridden: false,
    lastCorrectionAtS: null,
    message: null,
  };
}


export function step(state: MachineState, event: MachineEvent): MachineStep {
  const s: MachineState = { ...state };
  const out: MachineStep = { state: s, commands: [], says: [] };
  const say = (text: string): void => {
    out.says.push(text);
    s.message = text;
  };
  const urgent = (command: MachineCommand): void => {
    s.urgent = command;
    out.commands.push(command);
  };
  const enqueue = (...commands: MachineCommand[]): void => {
    s.queue = [...s.queue, ...commands];
  };
  /** The workout stops moving the belt: nothing waiting is sent, and only a press starts it again. */
  const halt = (pausedBy: MachineState['pausedBy']): void => {
    if (s.phase === 'running' || s.phase === 'starting') s.phase = 'paused';
    if (s.phase === 'paused' && (pausedBy !== 'runner' || s.pausedBy === null)) s.pausedBy = pausedBy;
    s.armed = false;
    s.queue = [];
    s.lastAtMs = null;
    s.lastDistanceM = null;
  };
  /** The speed and incline of step `index`, clamped to the limits; said when clamped. */
  const targets = (index: number): void => {
    const planned = s.steps[index];
    if (!planned) return;
    s.sentStep = index;
    // A speed the runner set on the console is theirs for the rest of the step, a Resume included.
    if (planned.speedKmh !== null && !(s.overridden && index === s.stepIndex)) {
      const clamped = clampSpeed(planned.speedKmh, s.limits, s.settings.unit);
      if (clamped.message) say(clamped.message);
      enqueue({ kind: 'speed', value: clamped.value, step: index });
    }
    if (planned.inclinePercent !== null) {
      const clamped = clampIncline(planned.inclinePercent, s.limits);
      if (clamped.message) say(clamped.message);
      enqueue({ kind: 'incline', value: clamped.value, step: index });
    }
  };
  /** A runner's press has allowed it: the belt starts, at the step going on. */
  const startBelt = (): void => {
    if (!s.armed) return;
    s.armed = false;
    s.phase = 'running';
    s.pausedBy = null;
    // Hold-pace's 30 s between corrections count from here: the belt climbs back from a standstill.
    s.lastCorrectionAtS = s.runningS;
    enqueue({ kind: 'start' });
    targets(s.stepIndex);
  };

  // A press is made on the page in view, whatever the last visibility event said.
  if (PRESSES.has(event.kind)) s.hidden = false;
  switch (event.kind) {
    case 'start': {
      if (active(s)) break;
      Object.assign(s, idleMachine(), {
        steps: event.steps,
        mode: event.mode,
        modeReason: event.mode === 'voice' ? event.modeReason : null,
        limits: event.limits,
        settings: event.settings,
      });
      if (event.steps.length === 0) {
        say('This workout has no steps.');
        break;
      }
      if (event.mode === 'belt' && !event.confirmed) s.phase = 'confirm';
      else begin(s, enqueue, say);
      break;
    }
    case 'confirm':
      if (s.phase === 'confirm') begin(s, enqueue, say);
      break;
    case 'cancel':
      if (s.phase === 'confirm') s.phase = 'idle';
      break;
    case 'pause':
      if (s.phase !== 'running' && s.phase !== 'starting') break;
      halt('runner');
      if (s.mode === 'belt' && s.linkUp && !s.hidden && (s.hasControl || s.inFlight?.kind === 'request-control')) urgent({ kind: 'pause' });
      say(s.mode === 'belt' ? 'Workout paused: the belt was asked to pause.' : 'Workout paused.');
      break;
    case 'resume':
      if (s.phase !== 'paused') break;
      if (s.mode === 'voice') {
        s.phase = 'running';
        s.pausedBy = null;
        break;
      }
      if (!s.linkUp) {
        say('The treadmill is not connected: connect it again, then press Resume.');
        break;
      }
      s.armed = true;
      s.queue = [];
      if (s.hasControl) startBelt();
      else {
        s.phase = 'starting';
        s.requested = true;
        enqueue({ kind: 'request-control' });
      }
      break;
    case 'stop':
      if (s.phase === 'confirm') s.phase = 'idle';
      if (s.phase === 'finished') {
        stopAfterFinish(s, urgent, say);
        break;
      }
      if (!active(s)) break;
      halt('runner');
      s.phase = 'finished';
      if (s.mode === 'belt' && s.linkUp && s.requested) urgent({ kind: 'stop' });
      if (s.mode !== 'belt' || !s.requested) say('Workout stopped.');
      else if (s.linkUp) say('Workout stopped: the belt was asked to stop.');
      // Nothing could be sent: a runner told the belt was asked to stop would wait on a moving belt.
      else say(`Workout stopped. The treadmill could not be reached: stop the belt on the treadmill.`);
      break;
    case 'recording-ended':
      if (!active(s)) break;
      halt('runner');
      s.phase = 'finished';
      say(s.mode === 'belt' && s.requested ? RECORDING_ENDED_BELT : 'The workout ended with the recording.');
      break;
    case 'skip':
      if (s.phase !== 'running' && s.phase !== 'paused') break;
      enterStep(s, s.stepIndex + 1, s.runningS, s.coveredM, say);
      // Paused, the belt gets the new step's targets with the Resume.
      if (s.phase === 'running' && s.mode === 'belt' && s.sentStep !== s.stepIndex) targets(s.stepIndex);
      break;
    case 'tick':
      tick(s, event, targets, say);
      break;
    case 'status':
      onStatus(s, event.status, halt, say);
      break;
    case 'link':
      if (event.up === s.linkUp) break;
      s.linkUp = event.up;
      if (!event.up) {
        s.hasControl = false;
        s.inFlight = null;
        s.urgent = null;
        if (s.mode !== 'belt' || !active(s)) break;
        halt('link');
        say(`The treadmill's link was lost: nothing more is sent, the belt keeps what it had. The workout is paused.`);
      } else if (s.mode === 'belt' && s.phase === 'paused' && s.pausedBy === 'link') {
        say(`The treadmill is connected again. The workout stays paused: ${PRESS_RESUME}`);
      }
      break;
    case 'pod':
      if (event.up === s.podUp) break;
      s.podUp = event.up;
      // The gap is not the workout's time or distance: the clock starts again at the next reading.
      s.lastAtMs = null;
      s.lastDistanceM = null;
      if (!event.up && s.phase === 'running') {
        say(s.mode === 'belt' ? 'The footpod is silent: the workout waits for it, and the belt keeps its speed.' : 'The footpod is silent: the workout waits for it.');
      } else if (event.up && s.phase === 'running') say('The footpod reads again: the workout goes on.');
      break;
    case 'visibility':
      if (event.hidden === s.hidden) break;
      s.hidden = event.hidden;
      if (s.mode !== 'belt' || !active(s)) break;
      if (event.hidden) {
        // Paused already by the runner (or the treadmill): the belt is paused, and that stays the word.
        const by = s.phase === 'paused' ? s.pausedBy : null;
        halt('hidden');
        if (by === 'runner' || by === 'treadmill') s.pausedBy = by;
        else say('The page was hidden: nothing is sent to the treadmill meanwhile, and the workout paused.');
      } else if (s.phase === 'paused' && s.pausedBy === 'hidden') {
        say(`The workout paused while the page was hidden. ${PRESS_RESUME}`);
      }
      break;
    case 'outcome':
      onOutcome(s, event.command, event.outcome, startBelt, say);
      break;
    case 'lag':
      s.settings = { ...s.settings, lagS: event.lagS };
      break;
    case 'limits':
      s.limits = event.limits;
      s.queue = s.queue.map((c) => withinLimits(c, s.limits));
      break;
  }
  // The last word on sending: voice mode, a lost link and a hidden page send nothing ordinary.
  if (s.mode === 'voice') {
    s.queue = [];
    out.commands = [];
  } else if (s.linkUp && !s.hidden && s.inFlight === null && s.urgent === null && s.queue.length > 0) {
    const [next, ...rest] = s.queue;
    s.inFlight = next!;
    s.queue = rest;
    out.commands.push(next!);
  }
  return out;
}

/** A speed or incline as the limits allow now (a maximum lowered since it was made). */
export function withinLimits(command: MachineCommand, limits: MachineState['limits']): MachineCommand {
  if (command.value === undefined) return command;
  if (command.kind === 'speed') return { ...command, value: Math.min(command.value, clampSpeed(command.value, limits).value) };
  if (command.kind === 'incline') return { ...command, value: Math.min(command.value, clampIncline(command.value, limits).value) };
  return command;
}

/** Confirmed (or needing no confirmation): belt mode asks for control; voice mode just runs. */
function begin(s: MachineState, enqueue: (c: MachineCommand) => void, say: (t: string) => void): void {
  s.armed = true;
  if (s.mode === 'voice') {
    s.phase = 'running';
    s.armed = false;
    if (s.modeReason) say(s.modeReason);
    return;
  }
  if (!s.linkUp) {
    // Confirmed while the link was down: nothing may go out by itself when it comes back.
    s.armed = false;
    s.phase = 'paused';
    s.pausedBy = 'link';
    say('The treadmill is not connected: connect it again, then press Resume.');
    return;
  }
  s.phase = 'starting';
  s.requested = true;
  enqueue({ kind: 'request-control' });
}

function enterStep(s: MachineState, index: number, atS: number, atM: number, say: (t: string) => void): void {
  s.stepIndex = Math.min(index, s.steps.length);
  s.stepStartS = atS;
  s.stepStartM = atM;
  s.overridden = false;
  s.lastCorrectionAtS = null;
  if (s.stepIndex >= s.steps.length) {
    const was = { phase: s.phase, by: s.pausedBy };
    s.phase = 'finished';
    s.queue = [];
    say(doneWords(s.mode, was.phase === 'paused' ? was.by : null));
  }
}

/** What the belt is left doing when the workout ends; `pausedBy` null when it ended running. */
function doneWords(mode: MachineState['mode'], pausedBy: MachineState['pausedBy']): string {
  if (mode !== 'belt') return 'Workout done.';
  if (pausedBy === null) return 'Workout done. The belt keeps its speed: slow it or stop it on the treadmill.';
  if (pausedBy === 'runner' || pausedBy === 'treadmill') return 'Workout done. The belt is paused: the app sends nothing more.';
  // Paused by a lost link, a hidden page or a failed command: nothing stopped the belt.
  return 'Workout done. Nothing more is sent: the belt keeps what it had; stop it on the treadmill.';
}

function tick(s: MachineState, event: Extract<MachineEvent, { kind: 'tick' }>, targets: (i: number) => void, say: (t: string) => void): void {
  if (s.phase !== 'running' || !s.podUp) return;
  const dt = s.lastAtMs === null ? 0 : Math.max(0, event.atMs - s.lastAtMs) / 1000;
  const dm = s.lastDistanceM === null || event.distanceM === null ? 0 : Math.max(0, event.distanceM - s.lastDistanceM);
  s.lastAtMs = event.atMs;
  if (event.distanceM !== null) s.lastDistanceM = event.distanceM;
  s.runningS += dt;
  s.coveredM += dm;
  const before = s.stepIndex;
  // A long tick may end several steps: each ends exactly at its length, the next begins there.
  for (let planned = s.steps[s.stepIndex]; planned && s.phase === 'running'; planned = s.steps[s.stepIndex]) {
    const { length } = planned;
    if (length.kind === 'time' && s.runningS - s.stepStartS >= length.seconds) enterStep(s, s.stepIndex + 1, s.stepStartS + length.seconds, s.coveredM, say);
    else if (length.kind === 'distance' && s.coveredM - s.stepStartM >= length.metres) enterStep(s, s.stepIndex + 1, s.runningS, s.stepStartM + length.metres, say);
    else break;
  }
  if (s.phase !== 'running' || s.mode !== 'belt') return;
  if (s.stepIndex !== before && s.sentStep !== s.stepIndex) targets(s.stepIndex);
  const leftS = stepLeftS(s, event.beltKmh);
  const next = s.stepIndex + 1;
  const ahead = sendAheadS(s.settings.lagS, s.settings.sendEarly);
  if (ahead > 0 && next < s.steps.length && s.sentStep !== next && leftS !== null && leftS <= ahead) targets(next);
  holdPace(s, event, leftS, say);
}

/** The optional hold-pace rule: a small correction toward the pod's pace, never near a step's end. */
function holdPace(s: MachineState, event: Extract<MachineEvent, { kind: 'tick' }>, leftS: number | null, say: (t: string) => void): void {
  const planned = s.steps[s.stepIndex];
  if (!s.settings.holdPace || !planned || planned.speedKmh === null || s.overridden || !s.hasControl) return;
  if (s.inFlight || s.urgent || s.queue.length > 0 || s.sentStep !== s.stepIndex) return;
  if (event.beltKmh !== null && s.beltTargetKmh !== null) {
    // A treadmill that does not report the console's changes in its status: its belt speed tells.
    const seen = watchBelt({ setKmh: s.beltTargetKmh, fromKmh: s.beltFromKmh, settled: s.beltSettled }, event.beltKmh, s.limits.speed?.incrementKmh ?? null);
    s.beltSettled = seen.settled;
    if (seen.byHand) {
      s.overridden = true;
      const words = (kmh: number): string => beltSpeedWords(kmh, s.settings.unit);
      say(`The belt runs at ${words(event.beltKmh)}, not the ${words(s.beltTargetKmh)} the app set: the app leaves it for this step.`);
      return;
    }
  }
  // Not while the belt is still on its way to what the app set (after a Resume, from a standstill).
  if (event.beltKmh === null || event.podKmh === null || leftS === null || !s.beltSettled) return;
  // The bound is on what the app sends: measured from its own last setting, not a reading one
  // increment off it.
  const setKmh = s.beltTargetKmh ?? event.beltKmh;
  const corrected = holdPaceSpeed({
    stepKmh: planned.speedKmh,
    beltKmh: setKmh,
    podKmh: event.podKmh,
    nowS: s.runningS,
    stepEndsAtS: s.runningS + leftS,
    lastCorrectionAtS: s.lastCorrectionAtS ?? s.stepStartS,
    grid: s.limits.speed,
  });
  if (corrected === null) return;
  s.lastCorrectionAtS = s.runningS;
  // What the belt would really get: clamped to the runner's maximum and the treadmill's grid.
  const value = clampSpeed(corrected, s.limits, s.settings.unit).value;
  const last = s.beltTargetKmh ?? event.beltKmh;
  // The speed the belt was last set to again (a capped step) is a nudge, not a correction; and a
  // grid coarser than the bounds can only break them: both leave the belt alone.
  if (Math.abs(value - last) < 0.005 || Math.abs(value - setKmh) > MAX_CORRECTION_KMH + 0.005) return;
  if (Math.abs(value - planned.speedKmh) > planned.speedKmh * HOLD_BAND + 0.005) return;
  s.queue = [{ kind: 'speed', value, step: s.stepIndex, correction: true }];
}

export { positionOf } from './workout-machine-position.js';
export { RECORDING_ENDED_BELT } from './workout-machine-ends.js';
export type { PlannedStep };
