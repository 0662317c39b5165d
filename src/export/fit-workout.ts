// A workout as a FIT workout file, written with Garmin's own encoder so a watch (or Garmin
// Connect) reads it: file_id of type workout, one workout message, then the steps in the order
// they run, a repeat being a "repeat until steps complete" step after the steps it repeats.
//
// How each part is held, and what FIT cannot hold (said in the returned notes):
//   length: time in ms, distance in cm (FIT's own units)
//   speed: a custom speed target in mm/s, 2.5 % either side of the step's speed so a watch's pace
//     alert leaves room; the middle of the range is the speed (exact to 0.01 km/h)
//   cadence: a custom cadence target 3 either side of the whole steps/min (the primary target
//     when the step has no speed, else the secondary one, which older watches do not show);
//     written as steps/min, the unit runners set it in (not verified against a watch)
//   incline: FIT has no incline target, so it goes in the step's notes as "Incline 4 %", which a
//     watch shows as text and Stridewise reads back
//   names: cut to what FIT's string fields hold

import { type Encodable, Encoder, type FileIdMesg, Profile, type WorkoutMesg, type WorkoutStepMesg } from '@garmin/fitsdk';
import type { StepIntensity, Workout, WorkoutStep } from '../workout/workout-types.js';
import { inclineNote } from './fit-workout-notes.js';

export { type DecodedWorkout, decodeFitWorkout } from './fit-workout-decode.js';

const MesgNum = Profile.MesgNum;
const FIT_EPOCH_MS = 631_065_600_000;
/** Bytes of a FIT name we write: Garmin's own workout names are shorter still, so this cuts nothing sensible. */
export const MAX_FIT_NAME_BYTES = 100;
/** Half the width of a speed target, as a fraction of the speed. */
const SPEED_SPREAD = 0.025;
/** Half the width of a cadence target, steps/min. */
export const CADENCE_SPREAD = 3;

const fitIntensity: Record<StepIntensity, NonNullable<WorkoutStepMesg['intensity']>> = {
  warmup: 'warmup',
  active: 'active',
  recovery: 'recovery',
  cooldown: 'cooldown',
};

/** Cut to `MAX_FIT_NAME_BYTES` of UTF-8 at a character boundary. */
function fitString(text: string): string {
  const encoder = new TextEncoder();
  let chars = Array.from(text);
  while (encoder.encode(chars.join('')).length > MAX_FIT_NAME_BYTES) chars = chars.slice(0, -1);
  return chars.join('');
}

/** A stable, non-zero serial number per workout (FIT's uint32z treats 0 as "none"). */
function serialOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return hash || 1;
}

const mmPerS = (kmh: number): number => Math.round((kmh / 3.6) * 1000);

/** The step's targets: speed first, cadence first when there is no speed, else open. */
function targetsOf(step: WorkoutStep): Partial<WorkoutStepMesg> {
  const cadence = step.cadence === null ? null : Math.round(step.cadence);
  const cadenceRange = cadence === null ? null : { low: Math.max(0, cadence - CADENCE_SPREAD), high: cadence + CADENCE_SPREAD };
  if (step.speedKmh === null) {
    if (cadenceRange === null) return { targetType: 'open', targetValue: 0 };
    return { targetType: 'cadence', targetValue: 0, customTargetValueLow: cadenceRange.low, customTargetValueHigh: cadenceRange.high };
  }
  const speed = mmPerS(step.speedKmh);
  // Symmetric in mm/s, so the middle is the speed exactly.
  const spread = Math.min(speed, Math.max(1, Math.round(speed * SPEED_SPREAD)));
  return {
    targetType: 'speed',
    targetValue: 0,
    customTargetValueLow: speed - spread,
    customTargetValueHigh: speed + spread,
    ...(cadenceRange === null
      ? {}
      : {
          secondaryTargetType: 'cadence',
          secondaryTargetValue: 0,
          secondaryCustomTargetValueLow: cadenceRange.low,
          secondaryCustomTargetValueHigh: cadenceRange.high,
        }),
  };
}

function stepMesg(step: WorkoutStep, messageIndex: number): Encodable<WorkoutStepMesg> {
  const { length } = step;
  const name = fitString(step.name);
  return {
    mesgNum: MesgNum.WORKOUT_STEP!,
    messageIndex,
    ...(name === '' ? {} : { wktStepName: name }),
    durationType: length.kind,
    durationValue: length.kind === 'time' ? Math.round(length.seconds * 1000) : Math.round(length.metres * 100),
    ...targetsOf(step),
    intensity: fitIntensity[step.intensity],
    ...(step.inclinePercent === null ? {} : { notes: inclineNote(step.inclinePercent) }),
  };
}

/** The file's bytes, and what the file could not hold, one sentence each. Throws a RangeError for a workout with no steps. */
export function encodeFitWorkout(workout: Workout): { bytes: Uint8Array<ArrayBuffer>; notes: string[] } {
  const steps: Encodable<WorkoutStepMesg>[] = [];
  for (const item of workout.items) {
    if (item.kind === 'step') {
      steps.push(stepMesg(item, steps.length));
      continue;
    }
    if (item.steps.length === 0) continue;
    const from = steps.length;
    for (const step of item.steps) steps.push(stepMesg(step, steps.length));
    steps.push({
      mesgNum: MesgNum.WORKOUT_STEP!,
      messageIndex: steps.length,
      durationType: 'repeatUntilStepsCmplt',
      durationValue: from,
      targetType: 'open',
      // The number of times the steps run in all, as Garmin Connect writes "repeat 6 times".
      targetValue: item.times,
    });
  }
  if (steps.length === 0) throw new RangeError('This workout has no steps, so there is nothing to export.');

  const all = workout.items.flatMap((item) => (item.kind === 'step' ? [item] : item.steps));
  const empty = all.findIndex(({ length }) => !((length.kind === 'time' ? length.seconds : length.metres) > 0));
  // A watch would end such a step at once, or refuse the file: say which step before writing it.
  if (empty >= 0) throw new RangeError(`Step ${empty + 1} of this workout has no length, so it cannot be exported. Give it a time or distance first.`);
  const notes: string[] = [];
  if (all.some((step) => step.inclinePercent !== null)) {
    notes.push("FIT workouts have no incline target, so each step's incline is written in its notes: a watch shows it as text but cannot set it.");
  }
  if (all.some((step) => step.speedKmh !== null && step.cadence !== null)) {
    notes.push('Steps with both a speed and a cadence carry the cadence as a second target, which older watches do not show.');
  }
  const cut = [workout.name, ...all.map((step) => step.name)].filter((name) => fitString(name) !== name);
  if (cut.length > 0) notes.push(`FIT holds names up to ${MAX_FIT_NAME_BYTES} bytes, so ${cut.length === 1 ? 'one name is' : `${cut.length} names are`} cut short.`);

  const created = workout.updatedAt >= FIT_EPOCH_MS ? workout.updatedAt : Date.now();
  const fileId: Encodable<FileIdMesg> = {
    mesgNum: MesgNum.FILE_ID!,
    type: 'workout',
    manufacturer: 'development',
    product: 1,
    serialNumber: serialOf(workout.id),
    timeCreated: new Date(created),
  };
  const name = fitString(workout.name);
  const head: Encodable<WorkoutMesg> = {
    mesgNum: MesgNum.WORKOUT!,
    sport: 'running',
    subSport: 'treadmill',
    numValidSteps: steps.length,
    ...(name === '' ? {} : { wktName: name }),
  };
  const encoder = new Encoder();
  encoder.writeMesg(fileId);
  encoder.writeMesg(head);
  for (const step of steps) encoder.writeMesg(step);
  // A copy typed as backed by a plain ArrayBuffer, which Blob takes.
  return { bytes: new Uint8Array(encoder.close()), notes };
}
