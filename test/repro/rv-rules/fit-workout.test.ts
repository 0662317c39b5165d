// rv-rules: a FIT workout step's pace target given as the secondary target is dropped on import.
import { expect } from '@open-wc/testing';
import { type Encodable, Encoder, type Mesg, Profile } from '@garmin/fitsdk';
import { decodeFitWorkout } from '../../../src/export/fit-workout.js';
import type { WorkoutStep } from '../../../src/workout/workout-types.js';

const { MesgNum } = Profile;
const mesg = (mesgNum: number, fields: Record<string, unknown>): Encodable<Mesg> => ({ mesgNum, ...fields }) as Encodable<Mesg>;
/** A workout file written message by message, as Garmin Connect or a watch would. */
function foreign(steps: Record<string, unknown>[]): Uint8Array {
  const encoder = new Encoder();
  encoder.writeMesg(mesg(MesgNum.FILE_ID!, { type: 'workout', manufacturer: 'garmin', product: 1, serialNumber: 5, timeCreated: new Date(Date.UTC(2026, 0, 1)) }));
  encoder.writeMesg(mesg(MesgNum.WORKOUT!, { wktName: 'Tempo', sport: 'running', numValidSteps: steps.length }));
  steps.forEach((s, i) => encoder.writeMesg(mesg(MesgNum.WORKOUT_STEP!, { messageIndex: i, ...s })));
  return encoder.close();
}

describe('rv-rules: decodeFitWorkout, a pace as the second target', () => {
  // Issue 19: "Export and import as FIT workout files"; contract §4: "speed targets; cadence
  // targets". A watch workout "20 min in heart-rate zone 3, at 4:50-5:10 /km" holds the heart rate
  // as the primary target and the pace as the secondary one (secondary_target_type speed, custom
  // range in mm/s). The decoder reads a secondary cadence but never a secondary speed, so the step
  // imports with speed null ("the belt is left as it is"): the treadmill workout silently loses
  // the one target a belt can follow, and the belt keeps whatever the step before set.
  it('reads a secondary speed target as the step’s speed when the primary one is heart rate', () => {
    const workout = decodeFitWorkout(
      foreign([
        {
          durationType: 'time', durationValue: 1_200_000, intensity: 'active',
          targetType: 'heartRate', targetValue: 3,
          secondaryTargetType: 'speed', secondaryTargetValue: 0, secondaryCustomTargetValueLow: 3226, secondaryCustomTargetValueHigh: 3448,
        },
      ]),
    );
    const step = workout.items[0] as WorkoutStep;
    expect(step.length).to.deep.equal({ kind: 'time', seconds: 1200 });
    expect(step.speedKmh).to.equal(12.01);
  });
});
