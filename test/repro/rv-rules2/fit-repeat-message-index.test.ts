import { expect } from '@open-wc/testing';
import { type Encodable, Encoder, type Mesg, Profile } from '@garmin/fitsdk';
import { decodeFitWorkout } from '../../../src/export/fit-workout.js';
import { ImportError } from '../../../src/export/import-error.js';

const { MesgNum } = Profile;
const mesg = (mesgNum: number, fields: Record<string, unknown>): Encodable<Mesg> => ({ mesgNum, ...fields }) as Encodable<Mesg>;

/** Another app's workout file whose steps carry the message indexes given. */
function file(steps: Record<string, unknown>[]): Uint8Array {
  const encoder = new Encoder();
  encoder.writeMesg(mesg(MesgNum.FILE_ID!, { type: 'workout', manufacturer: 'development', product: 1, serialNumber: 5, timeCreated: new Date(Date.UTC(2026, 0, 1)) }));
  encoder.writeMesg(mesg(MesgNum.WORKOUT!, { wktName: 'Other app', sport: 'running', numValidSteps: steps.length }));
  for (const s of steps) encoder.writeMesg(mesg(MesgNum.WORKOUT_STEP!, s));
  return encoder.close();
}

// A FIT repeat step's duration_value names the message_index of the first step it repeats. The
// decoder sorts by message_index and then reads duration_value as a position in the sorted list,
// so a file whose indexes do not run 0, 1, 2, … (an app that counts from 1, a file with a gap)
// is read as a different workout, silently: here "Hard 3 min / Easy 2 min × 6" becomes a single
// Hard and then six Easy recoveries. The file's own comment promises to refuse a file "rather
// than running a different workout than the one the runner picked" (issue 19: a belt "doing
// exactly what the workout says and nothing else").
describe('rv-rules2: FIT repeats by message_index', () => {
  it('repeats the steps the repeat names by message_index, or refuses the file, when indexes start at 1', () => {
    const bytes = file([
      { messageIndex: 1, wktStepName: 'Hard', durationType: 'time', durationValue: 180_000, targetType: 'speed', targetValue: 0, customTargetValueLow: 3900, customTargetValueHigh: 4100, intensity: 'active' },
      { messageIndex: 2, wktStepName: 'Easy', durationType: 'time', durationValue: 120_000, targetType: 'speed', targetValue: 0, customTargetValueLow: 2700, customTargetValueHigh: 2900, intensity: 'recovery' },
      { messageIndex: 3, durationType: 'repeatUntilStepsCmplt', durationValue: 1, targetType: 'open', targetValue: 6 },
    ]);
    let items: unknown[] | null = null;
    try {
      items = decodeFitWorkout(bytes).workout.items;
    } catch (error) {
      expect(error).to.be.instanceOf(ImportError);
      return;
    }
    expect(items).to.have.length(1);
    const repeat = items![0] as { kind: string; times: number; steps: { name: string }[] };
    expect(repeat.kind).to.equal('repeat');
    expect(repeat.times).to.equal(6);
    expect(repeat.steps.map((s) => s.name)).to.deep.equal(['Hard', 'Easy']);
  });
});
