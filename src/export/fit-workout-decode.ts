// A FIT workout file (our own export, or Garmin Connect's, or another app's) read back with
// Garmin's decoder, after checking it whole. Whatever it holds that a treadmill workout cannot
// (a step that ends at a heart rate, repeats inside repeats, a cycling workout) refuses the file
// with the reason in words, rather than running a different workout than the one the runner
// picked. The one exception is the lap button: Garmin Connect ends its warm-ups and cool-downs
// there, so such a step gets a sensible time and the runner is told so in the notes. Targets a
// treadmill cannot take (heart rate, power, zones whose limits live on the watch) are left to the
// runner: the step keeps its length, and the belt keeps the speed it had (said in the notes); so is
// a speed of "at most X", a ceiling rather than a speed to run. A repeat names its first step by
// message_index, which other apps need not number from 0 or write in order.

import { Decoder, type FitMessages, Stream, type WorkoutStepMesg } from '@garmin/fitsdk';
import { REPEAT_TIMES } from '../workout/workout-plan.js';
import { type StepIntensity, type Workout, type WorkoutItem, type WorkoutStep } from '../workout/workout-types.js';
import { hasFitHeader } from './fit-header.js';
import { inclineFromNote } from './fit-workout-notes.js';
import { ImportError, TRY_AGAIN_FROM_SOURCE } from './import-error.js';

const CRC_BYTES = 2;
/** More than any workout Stridewise runs (the rules allow 200 planned steps). */
const STEP_LIMIT = 1000;

/** A step that ends at the lap button runs this long: a warm-up's usual time, a cool-down's, any other's. */
export const OPEN_STEP_S: Readonly<Record<'warmup' | 'cooldown' | 'other', number>> = { warmup: 600, cooldown: 300, other: 300 };

/** The workout, and what was made of steps it could not take as they were, one sentence each. */
export interface DecodedWorkout {
  workout: Workout;
  notes: string[];
}

const intensityOf = (fit: unknown): StepIntensity =>
  fit === 'warmup' ? 'warmup' : fit === 'cooldown' ? 'cooldown' : fit === 'recovery' || fit === 'rest' ? 'recovery' : 'active';

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The middle of a custom range; either end alone when the other is unset or 0; null for none. */
function middle(low: unknown, high: unknown): number | null {
  const [a, b] = [num(low), num(high)].map((v) => (v !== null && v > 0 ? v : null));
  if (a != null && b != null) return (a + b) / 2;
  return a ?? b ?? null;
}

/**
 * A speed range with no low end ("at most X") is a ceiling, not a speed to run: reading it as X
 * would drive the belt at the fastest the step allows. It is left open (the belt keeps its speed).
 * A range with no high end ("at least X") is run at X, which it allows.
 */
function speedOf(low: unknown, high: unknown): { mmS: number | null; atMost: boolean } {
  const lowSet = num(low) !== null && num(low)! > 0;
  const highSet = num(high) !== null && num(high)! > 0;
  if (!lowSet && highSet) return { mmS: null, atMost: true };
  return { mmS: middle(low, high), atMost: false };
}

function checkedBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.length === 0) throw new ImportError('empty', 'This file is empty, so there is no workout in it.');
  if (!hasFitHeader(bytes)) throw new ImportError('not-a-run-file', 'This file is not a FIT file: it does not start with a FIT header.');
  if (bytes.length < 12) throw new ImportError('truncated', `This FIT file ends early (truncated) inside its header. ${TRY_AGAIN_FROM_SOURCE}`);
  const dataSize = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  const end = bytes[0]! + dataSize + CRC_BYTES;
  if (bytes.length < end) throw new ImportError('truncated', `This FIT file ends early (truncated). ${TRY_AGAIN_FROM_SOURCE}`);
  return bytes.subarray(0, end);
}

function messagesOf(whole: Uint8Array): FitMessages {
  const decoder = new Decoder(Stream.fromByteArray(whole));
  if (!decoder.checkIntegrity()) {
    throw new ImportError('damaged', `This FIT file is damaged: its checksum does not match. ${TRY_AGAIN_FROM_SOURCE}`);
  }
  const { messages, errors } = decoder.read({
    expandSubFields: false,
    expandComponents: false,
    applyScaleAndOffset: true,
    convertTypesToStrings: true,
    convertDateTimesToDates: true,
    mergeHeartRates: false,
  });
  if (errors.length > 0) {
    const detail = errors[0] instanceof Error ? errors[0].message : String(errors[0]);
    throw new ImportError('unsupported', `Stridewise cannot read this FIT workout (${detail}). ${TRY_AGAIN_FROM_SOURCE}`, { cause: errors[0] });
  }
  return messages;
}

const minutes = (seconds: number): string => `${seconds / 60} min`;

/** Zones (targetValue above 0) have their limits on the watch, not in the file. */
const customTarget = (value: unknown): boolean => num(value) === 0 || value === undefined;

/** A pace given beside a heart rate (the heart rate first) is still the one target a belt can follow. */
function speedTarget(fit: WorkoutStepMesg): { mmS: number | null; atMost: boolean } {
  if (fit.targetType === 'speed' && customTarget(fit.targetValue)) return speedOf(fit.customTargetValueLow, fit.customTargetValueHigh);
  if (fit.secondaryTargetType === 'speed' && customTarget(fit.secondaryTargetValue)) {
    return speedOf(fit.secondaryCustomTargetValueLow, fit.secondaryCustomTargetValueHigh);
  }
  return { mmS: null, atMost: false };
}

function stepOf(fit: WorkoutStepMesg, number: number, notes: string[]): WorkoutStep {
  const value = num(fit.durationValue);
  const intensity = intensityOf(fit.intensity);
  let length: WorkoutStep['length'];
  if (fit.durationType === 'time' && value !== null && value > 0) length = { kind: 'time', seconds: value / 1000 };
  else if (fit.durationType === 'distance' && value !== null && value > 0) length = { kind: 'distance', metres: value / 100 };
  else if (fit.durationType === 'time' || fit.durationType === 'distance') {
    throw new ImportError('damaged', `Step ${number} of this workout has no length, so the file is damaged. ${TRY_AGAIN_FROM_SOURCE}`);
  } else if (fit.durationType === 'open') {
    const seconds = OPEN_STEP_S[intensity === 'warmup' || intensity === 'cooldown' ? intensity : 'other'];
    length = { kind: 'time', seconds };
    const what = intensity === 'warmup' ? ' (a warm-up)' : intensity === 'cooldown' ? ' (a cool-down)' : '';
    notes.push(`Step ${number}${what} ends when you press the lap button, which a treadmill workout cannot wait for, so it runs ${minutes(seconds)}.`);
  } else {
    throw new ImportError(
      'unsupported',
      `Step ${number} of this workout ends at something other than a time or distance, which a treadmill workout cannot follow. Give it a time or distance where the workout was made, then export it again.`,
    );
  }
  const custom = customTarget(fit.targetValue);
  const secondaryCustom = customTarget(fit.secondaryTargetValue);
  const speed = speedTarget(fit);
  const speedMmS = speed.mmS;
  if (speed.atMost) notes.push(`Step ${number} sets only the fastest speed allowed, not a speed to run, so the belt keeps its speed.`);
  const cadence =
    fit.targetType === 'cadence' && custom
      ? middle(fit.customTargetValueLow, fit.customTargetValueHigh)
      : fit.secondaryTargetType === 'cadence' && secondaryCustom
        ? middle(fit.secondaryCustomTargetValueLow, fit.secondaryCustomTargetValueHigh)
        : null;
  return {
    kind: 'step',
    name: typeof fit.wktStepName === 'string' ? fit.wktStepName : '',
    intensity,
    length,
    // To 0.01 km/h, the belt's own resolution, which also undoes FIT's rounding to 1 mm/s.
    speedKmh: speedMmS === null || speedMmS <= 0 ? null : Math.round(speedMmS * 0.36) / 100,
    inclinePercent: inclineFromNote(fit.notes),
    cadence: cadence === null || cadence <= 0 ? null : Math.round(cadence),
  };
}

/** A step's message_index without its "selected" flag (FIT keeps the number in the low 12 bits). */
const indexOf = (fit: WorkoutStepMesg): number | null => {
  const index = num(fit.messageIndex);
  return index === null ? null : index & 0x0fff;
};

/**
 * Where the step a repeat names by message_index stands in the steps as they run. A file whose
 * indexes start at 1, have gaps or come out of order is read by the indexes; a file that numbers
 * none of its steps by their order. Null when the index names no step, or two.
 */
function positionOfIndex(fitSteps: WorkoutStepMesg[], index: number): number | null {
  const numbered = fitSteps.some((fit) => indexOf(fit) !== null);
  if (!numbered) return index < fitSteps.length ? index : null;
  const found = fitSteps.flatMap((fit, position) => (indexOf(fit) === index ? [position] : []));
  return found.length === 1 ? found[0]! : null;
}

/** Steps in the order they run, repeats gathered from their "repeat until steps complete" steps. */
function itemsOf(fitSteps: WorkoutStepMesg[], notes: string[]): WorkoutItem[] {
  const items: WorkoutItem[] = [];
  /** The step before in the file, for the note on a step that sets no speed after one that does. */
  let before: WorkoutStep | null = null;
  /** Where each FIT step went: its place in `items`, or -1 once it is inside a repeat. */
  const placeOf: number[] = [];
  fitSteps.forEach((fit, i) => {
    if (fit.durationType !== 'repeatUntilStepsCmplt') {
      const step = stepOf(fit, i + 1, notes);
      // A step already said to keep the belt's speed ("at most") is not said twice.
      if (step.speedKmh === null && before !== null && before.speedKmh !== null && !speedTarget(fit).atMost) {
        notes.push(`Step ${i + 1} sets no speed, so the belt keeps the speed of the step before it.`);
      }
      before = step;
      placeOf.push(items.length);
      items.push(step);
      return;
    }
    // duration_value names the first repeated step by its message_index, not by its place.
    const named = num(fit.durationValue);
    const from = named === null || !Number.isInteger(named) || named < 0 ? null : positionOfIndex(fitSteps, named);
    const times = num(fit.targetValue);
    if (from === null || from >= i) {
      throw new ImportError('damaged', `Step ${i + 1} of this workout repeats steps that are not before it, so the file is damaged. ${TRY_AGAIN_FROM_SOURCE}`);
    }
    if (times === null || !Number.isInteger(times) || times < 1) {
      throw new ImportError('unsupported', `Step ${i + 1} of this workout repeats until something other than a number of times, which Stridewise cannot follow.`);
    }
    if (times > REPEAT_TIMES.max) {
      throw new ImportError('unsupported', `Step ${i + 1} of this workout repeats ${times} times; a Stridewise workout repeats at most ${REPEAT_TIMES.max} times.`);
    }
    const places = placeOf.slice(from, i);
    const first = places[0]!;
    // Each repeated step must be a plain step still at the top, one after another up to the end.
    if (places.some((place, k) => place !== first + k || items[place]?.kind !== 'step') || first + places.length !== items.length) {
      throw new ImportError('unsupported', 'This workout has repeats inside repeats, which Stridewise workouts cannot hold.');
    }
    const steps = items.splice(first) as WorkoutStep[];
    for (let k = from; k < i; k++) placeOf[k] = -1;
    placeOf.push(items.length);
    items.push({ kind: 'repeat', times, steps });
  });
  return items;
}

/** The workout in a FIT workout file and notes on what was made of it, or an ImportError that says in words why it cannot be one. */
export function decodeFitWorkout(bytes: Uint8Array): DecodedWorkout {
  const messages = messagesOf(checkedBytes(bytes));
  const type = messages.fileIdMesgs?.[0]?.type;
  if (type !== 'workout') {
    const kind = type === 'activity' ? 'a recorded activity (import it under History)' : typeof type === 'string' ? `a ${type} file` : 'not marked as a workout';
    throw new ImportError('not-a-workout', `This FIT file is not a workout: it is ${kind}.`);
  }
  const head = messages.workoutMesgs?.[0];
  const sport = head?.sport;
  if (sport !== undefined && sport !== 'running' && sport !== 'walking' && sport !== 'generic') {
    throw new ImportError('not-a-run', `This is a ${String(sport)} workout; Stridewise runs running workouts on a treadmill.`);
  }
  let fitSteps = [...(messages.workoutStepMesgs ?? [])].sort((a, b) => (num(a.messageIndex) ?? 0) - (num(b.messageIndex) ?? 0));
  const valid = num(head?.numValidSteps);
  // A watch follows the first numValidSteps steps; anything after them is not part of the workout.
  if (valid !== null && valid < fitSteps.length) fitSteps = fitSteps.slice(0, valid);
  if (fitSteps.length === 0) throw new ImportError('no-samples', 'This FIT workout has no steps, so there is nothing to run.');
  if (fitSteps.length > STEP_LIMIT) throw new ImportError('too-big', `This FIT workout has ${fitSteps.length} steps, more than Stridewise runs.`);
  const name = typeof head?.wktName === 'string' && head.wktName !== '' ? head.wktName : 'Imported workout';
  const notes: string[] = [];
  // Steps lost on the way (a cut export, a copy that dropped some): the runner should know before running it.
  if (valid !== null && valid > fitSteps.length) {
    notes.push(`The file says this workout has ${valid} steps but holds ${fitSteps.length}: only those were read, so check it against where it was made.`);
  }
  const items = itemsOf(fitSteps, notes);
  return { workout: { id: crypto.randomUUID(), name, items, origin: 'imported', updatedAt: Date.now() }, notes };
}
