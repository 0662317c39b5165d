// FIT workout files: what we write, Garmin's own decoder reads as a watch would (file_id type
// workout, the step count, each step's length and target), and reading it back gives the same
// workout, over generated workouts with repeats. Files that are not whole workouts are refused in words.
import { expect } from '@open-wc/testing';
import { Decoder, type Encodable, Encoder, type Mesg, Profile, Stream } from '@garmin/fitsdk';
import fc from 'fast-check';
import { MAX_FIT_NAME_BYTES, decodeFitWorkout, encodeFitWorkout } from '../../src/export/fit-workout.js';
import { encodeFit } from '../../src/export/fit.js';
import { ImportError, type ImportProblem } from '../../src/export/import-error.js';
import type { Workout, WorkoutStep } from '../../src/workout/workout-types.js';
import { invariantRuns } from '../support/invariant-runs.js';
import { fitStepCount, workoutArb } from '../support/workout-arbitrary.js';
import { fixtureSession } from './session-fixture.js';

const { MesgNum } = Profile;

const step = (fields: Partial<WorkoutStep>): WorkoutStep => ({
  kind: 'step', name: 'Easy', intensity: 'active', length: { kind: 'time', seconds: 300 },
  speedKmh: null, inclinePercent: null, cadence: null, ...fields,
});

const intervals: Workout = {
  id: 'w-1',
  name: 'Intervals 6 × 3 min',
  origin: 'mine',
  updatedAt: Date.UTC(2026, 11, 7, 8),
  items: [
    step({ name: 'Warm up', intensity: 'warmup', length: { kind: 'time', seconds: 600 }, speedKmh: 9.5 }),
    {
      kind: 'repeat',
      times: 6,
      steps: [
        step({ name: 'Hard', length: { kind: 'time', seconds: 180 }, speedKmh: 14, inclinePercent: 1, cadence: 175 }),
        step({ name: 'Easy', intensity: 'recovery', length: { kind: 'time', seconds: 120 }, speedKmh: 9 }),
      ],
    },
    step({ name: 'Hill', length: { kind: 'distance', metres: 400 }, inclinePercent: 4.5, cadence: 170 }),
    step({ name: 'Cool down', intensity: 'cooldown', length: { kind: 'time', seconds: 300 } }),
  ],
};

/** What the Garmin SDK reads, with subfields expanded as a watch or Garmin Connect would. */
function garminRead(bytes: Uint8Array) {
  const decoder = new Decoder(Stream.fromByteArray(bytes));
  expect(decoder.isFIT(), 'a FIT file').to.equal(true);
  expect(decoder.checkIntegrity(), 'its checksum').to.equal(true);
  const { messages, errors } = decoder.read({ expandSubFields: true, convertTypesToStrings: true });
  expect(errors).to.deep.equal([]);
  return { fileIdMesgs: messages.fileIdMesgs ?? [], workoutMesgs: messages.workoutMesgs ?? [], workoutStepMesgs: messages.workoutStepMesgs ?? [] };
}

const sameWorkout = (decoded: Workout, original: Workout): void => {
  expect(decoded.name).to.equal(original.name);
  expect(decoded.items).to.deep.equal(original.items);
  expect(decoded.origin).to.equal('imported');
};

describe('encodeFitWorkout: a file a watch reads', () => {
  it('has file_id type workout, the workout name and as many valid steps as steps written', () => {
    const { bytes } = encodeFitWorkout(intervals);
    const messages = garminRead(bytes);
    expect(messages.fileIdMesgs[0]!.type).to.equal('workout');
    const workout = messages.workoutMesgs[0]!;
    expect(workout.wktName).to.equal('Intervals 6 × 3 min');
    expect(workout.sport).to.equal('running');
    // warm-up, hard, easy, repeat, hill, cool-down
    expect(workout.numValidSteps).to.equal(6);
    expect(messages.workoutStepMesgs.length).to.equal(6);
    expect(messages.workoutStepMesgs.map((s) => s.messageIndex)).to.deep.equal([0, 1, 2, 3, 4, 5]);
  });

  it("writes lengths, speed and cadence targets and the repeat in FIT's own fields and units", () => {
    const steps = garminRead(encodeFitWorkout(intervals).bytes).workoutStepMesgs;
    const [warm, hard, easy, repeat, hill, cool] = steps as Record<string, unknown>[];
    expect(warm).to.include({ wktStepName: 'Warm up', durationType: 'time', durationTime: 600, targetType: 'speed', intensity: 'warmup' });
    // 9.5 km/h = 2.639 m/s, inside the range a watch alerts outside of
    expect(warm!['customTargetSpeedLow']).to.be.below(2.639).and.above(2.5);
    expect(warm!['customTargetSpeedHigh']).to.be.above(2.639).and.below(2.8);
    expect(hard).to.include({ durationTime: 180, targetType: 'speed', secondaryTargetType: 'cadence', notes: 'Incline 1 %' });
    expect(hard!['secondaryCustomTargetCadenceLow']).to.equal(172);
    expect(hard!['secondaryCustomTargetCadenceHigh']).to.equal(178);
    expect(easy).to.include({ intensity: 'recovery' });
    expect(repeat).to.include({ durationType: 'repeatUntilStepsCmplt', durationStep: 1, repeatSteps: 6 });
    expect(hill).to.include({ durationType: 'distance', durationDistance: 400, targetType: 'cadence', customTargetCadenceLow: 167, customTargetCadenceHigh: 173 });
    expect(cool).to.include({ targetType: 'open', intensity: 'cooldown' });
  });

  it('says in words what FIT cannot hold: incline, a cadence beside a speed, names too long', () => {
    expect(encodeFitWorkout(intervals).notes).to.have.length(2);
    expect(encodeFitWorkout(intervals).notes[0]).to.match(/no incline target.*notes/);
    expect(encodeFitWorkout(intervals).notes[1]).to.match(/cadence as a second target/);
    const plain = { ...intervals, items: [step({ speedKmh: 10 })] };
    expect(encodeFitWorkout(plain).notes).to.deep.equal([]);
    const long = { ...plain, name: 'Ü'.repeat(80) };
    const { bytes, notes } = encodeFitWorkout(long);
    expect(notes).to.deep.equal([`FIT holds names up to ${MAX_FIT_NAME_BYTES} bytes, so one name is cut short.`]);
    expect(decodeFitWorkout(bytes).workout.name).to.equal('Ü'.repeat(50));
  });

  it('refuses a workout without steps, or with a step of no length, in words', () => {
    expect(() => encodeFitWorkout({ ...intervals, items: [] })).to.throw(RangeError, /no steps/);
    const noLength = { ...intervals, items: [step({}), { kind: 'repeat' as const, times: 2, steps: [step({ length: { kind: 'distance', metres: 0 } })] }] };
    expect(() => encodeFitWorkout(noLength)).to.throw(RangeError, /^Step 2 of this workout has no length/);
  });

  it('property: the Garmin SDK reads the type, step count and every length of any workout', () => {
    fc.assert(
      fc.property(workoutArb, (workout) => {
        const messages = garminRead(encodeFitWorkout(workout).bytes);
        expect(messages.fileIdMesgs[0]!.type).to.equal('workout');
        expect(messages.workoutMesgs[0]!.numValidSteps).to.equal(fitStepCount(workout));
        expect(messages.workoutStepMesgs.length).to.equal(fitStepCount(workout));
        const flat = workout.items.flatMap((item) => (item.kind === 'step' ? [item] : [...item.steps, null]));
        messages.workoutStepMesgs.forEach((fit, i) => {
          const s = flat[i]!;
          if (s === null) return expect(fit.durationType).to.equal('repeatUntilStepsCmplt');
          if (s.length.kind === 'time') expect(fit.durationTime).to.be.closeTo(s.length.seconds, 1e-9);
          else expect(fit.durationDistance).to.be.closeTo(s.length.metres, 1e-9);
          if (s.speedKmh !== null) {
            expect(fit.customTargetSpeedLow!).to.be.at.most(s.speedKmh / 3.6 + 0.0005);
            expect(fit.customTargetSpeedHigh!).to.be.at.least(s.speedKmh / 3.6 - 0.0005);
          }
        });
      }),
      { numRuns: invariantRuns(100) },
    );
  });
});

describe('decodeFitWorkout', () => {
  it('reads back the workout it was given, as an imported one', () => {
    const { workout: decoded, notes } = decodeFitWorkout(encodeFitWorkout(intervals).bytes);
    expect(notes, 'the hill sets no speed after a step that does').to.deep.equal(['Step 5 sets no speed, so the belt keeps the speed of the step before it.']);
    sameWorkout(decoded, intervals);
    expect(decoded.id).to.not.equal(intervals.id);
  });

  it('property: encode then decode gives the same workout (repeats, speeds, inclines, cadences, names)', () => {
    fc.assert(
      fc.property(workoutArb, (workout) => sameWorkout(decodeFitWorkout(encodeFitWorkout(workout).bytes).workout, workout)),
      { numRuns: invariantRuns(150) },
    );
  });

  // Another app's file, written message by message as Garmin Connect would.
  const mesg = (mesgNum: number, fields: Record<string, unknown>): Encodable<Mesg> => ({ mesgNum, ...fields }) as Encodable<Mesg>;
  function foreign(steps: Record<string, unknown>[], head: Record<string, unknown> = {}, type = 'workout'): Uint8Array {
    const encoder = new Encoder();
    encoder.writeMesg(mesg(MesgNum.FILE_ID!, { type, manufacturer: 'garmin', product: 1, serialNumber: 5, timeCreated: new Date(Date.UTC(2026, 0, 1)) }));
    encoder.writeMesg(mesg(MesgNum.WORKOUT!, { wktName: 'Connect run', sport: 'running', numValidSteps: steps.length, ...head }));
    steps.forEach((s, i) => encoder.writeMesg(mesg(MesgNum.WORKOUT_STEP!, { messageIndex: i, ...s })));
    return encoder.close();
  }

  it("reads another app's file: zones and heart rate left to the runner, rest as recovery, plain notes not an incline", () => {
    const { workout } = decodeFitWorkout(
      foreign([
        { durationType: 'time', durationValue: 300_000, targetType: 'heartRate', targetValue: 2, intensity: 'warmup' },
        { durationType: 'distance', durationValue: 100_000, targetType: 'speed', targetValue: 4, intensity: 'active', notes: 'Keep it easy' },
        { durationType: 'time', durationValue: 60_000, targetType: 'open', intensity: 'rest' },
        { durationType: 'repeatUntilStepsCmplt', durationValue: 1, targetValue: 3 },
      ]),
    );
    expect(workout.name).to.equal('Connect run');
    expect(workout.items).to.deep.equal([
      step({ name: '', intensity: 'warmup' }),
      {
        kind: 'repeat',
        times: 3,
        steps: [
          step({ name: '', length: { kind: 'distance', metres: 1000 } }),
          step({ name: '', intensity: 'recovery', length: { kind: 'time', seconds: 60 } }),
        ],
      },
    ]);
  });

  it('reads a speed of at least X as X, and a cadence as the only target', () => {
    const { workout } = decodeFitWorkout(
      foreign([
        { durationType: 'time', durationValue: 60_000, targetType: 'speed', targetValue: 0, customTargetValueLow: 3000, customTargetValueHigh: 0 },
        { durationType: 'time', durationValue: 60_000, targetType: 'cadence', targetValue: 0, customTargetValueLow: 170, customTargetValueHigh: 180 },
      ]),
    );
    expect(workout.items.map((s) => s.kind === 'step' && [s.speedKmh, s.cadence])).to.deep.equal([[10.8, null], [null, 175]]);
  });

  // "At most 10.8 km/h" is a ceiling: read as 10.8 it would drive the belt at the fastest the
  // step allows. Open instead (the belt keeps its speed), and said once.
  it('reads a speed of at most X as open, the belt keeping its speed, and says so', () => {
    const { workout, notes } = decodeFitWorkout(
      foreign([
        { durationType: 'time', durationValue: 60_000, targetType: 'speed', targetValue: 0, customTargetValueLow: 2500, customTargetValueHigh: 2500 },
        { durationType: 'time', durationValue: 60_000, targetType: 'speed', targetValue: 0, customTargetValueLow: 0, customTargetValueHigh: 3000 },
        { durationType: 'time', durationValue: 60_000, targetType: 'heartRate', targetValue: 2, secondaryTargetType: 'speed', secondaryTargetValue: 0, secondaryCustomTargetValueHigh: 3000 },
      ]),
    );
    expect(workout.items.map((s) => s.kind === 'step' && s.speedKmh)).to.deep.equal([9, null, null]);
    expect(notes).to.deep.equal([
      'Step 2 sets only the fastest speed allowed, not a speed to run, so the belt keeps its speed.',
      'Step 3 sets only the fastest speed allowed, not a speed to run, so the belt keeps its speed.',
    ]);
  });

  // A repeat's duration_value is the message_index of the first step it repeats, not its place:
  // read as a place, "Hard / Easy × 6" from an app that counts from 1 became one Hard and six Easy.
  it('repeats the steps a repeat names by message_index: indexes from 1, with gaps, out of order', () => {
    const hard = { wktStepName: 'Hard', durationType: 'time', durationValue: 180_000, targetType: 'open', intensity: 'active' };
    const easy = { wktStepName: 'Easy', durationType: 'time', durationValue: 120_000, targetType: 'open', intensity: 'recovery' };
    const warm = { wktStepName: 'Warm', durationType: 'time', durationValue: 300_000, targetType: 'open', intensity: 'warmup' };
    const repeat = (from: number, messageIndex: number) => ({ messageIndex, durationType: 'repeatUntilStepsCmplt', durationValue: from, targetType: 'open', targetValue: 6 });
    const names = (bytes: Uint8Array) =>
      decodeFitWorkout(bytes).workout.items.map((item) => (item.kind === 'step' ? item.name : `${item.times}×[${item.steps.map((s) => s.name).join(',')}]`));
    expect(names(foreign([{ ...hard, messageIndex: 1 }, { ...easy, messageIndex: 2 }, repeat(1, 3)]))).to.deep.equal(['6×[Hard,Easy]']);
    expect(names(foreign([{ ...warm, messageIndex: 2 }, { ...hard, messageIndex: 5 }, { ...easy, messageIndex: 7 }, repeat(5, 9)]))).to.deep.equal(['Warm', '6×[Hard,Easy]']);
    // Written out of order: run in the order of their indexes.
    expect(names(foreign([repeat(1, 3), { ...easy, messageIndex: 2 }, { ...warm, messageIndex: 0 }, { ...hard, messageIndex: 1 }]))).to.deep.equal(['Warm', '6×[Hard,Easy]']);
    // A file that numbers none of its steps: by their places.
    const unnumbered = [warm, hard, easy, { ...repeat(1, 0), messageIndex: undefined }].map((s) => ({ ...s, messageIndex: undefined }));
    expect(names(foreign(unnumbered))).to.deep.equal(['Warm', '6×[Hard,Easy]']);
  });

  it('refuses a repeat whose message_index names no step before it, or two steps', () => {
    const open = { durationType: 'time', durationValue: 60_000, targetType: 'open' };
    const repeat = (from: number) => ({ messageIndex: 9, durationType: 'repeatUntilStepsCmplt', durationValue: from, targetValue: 2 });
    refused(foreign([{ ...open, messageIndex: 1 }, { ...open, messageIndex: 2 }, repeat(0)]), 'damaged', /^Step 3 of this workout repeats steps that are not before it/);
    refused(foreign([{ ...open, messageIndex: 1 }, { ...open, messageIndex: 1 }, repeat(1)]), 'damaged', /^Step 3 of this workout repeats steps that are not before it/);
  });

  it('says when the file holds fewer steps than it says it has', () => {
    const { notes } = decodeFitWorkout(foreign([{ durationType: 'time', durationValue: 60_000, targetType: 'open' }], { numValidSteps: 3 }));
    expect(notes).to.deep.equal(['The file says this workout has 3 steps but holds 1: only those were read, so check it against where it was made.']);
  });

  it('follows numValidSteps: steps after them are not part of the workout', () => {
    const bytes = foreign(
      [{ durationType: 'time', durationValue: 60_000, targetType: 'open' }, { durationType: 'time', durationValue: 120_000, targetType: 'open' }],
      { numValidSteps: 1 },
    );
    expect(decodeFitWorkout(bytes).workout.items).to.deep.equal([step({ name: '', length: { kind: 'time', seconds: 60 } })]);
  });

  it('reads a pace given as the second target (the heart rate first) as the step’s speed', () => {
    const { workout } = decodeFitWorkout(
      foreign([
        {
          durationType: 'time', durationValue: 1_200_000, intensity: 'active',
          targetType: 'heartRate', targetValue: 3,
          secondaryTargetType: 'speed', secondaryTargetValue: 0, secondaryCustomTargetValueLow: 3226, secondaryCustomTargetValueHigh: 3448,
        },
      ]),
    );
    expect(workout.items).to.deep.equal([step({ name: '', length: { kind: 'time', seconds: 1200 }, speedKmh: 12.01 })]);
  });

  it("gives Garmin Connect's lap-button warm-up and cool-down a time, and says so and that a step without speed keeps the belt's", () => {
    const { workout, notes } = decodeFitWorkout(
      foreign([
        { durationType: 'open', targetType: 'open', intensity: 'warmup' },
        { durationType: 'time', durationValue: 180_000, targetType: 'speed', targetValue: 0, customTargetValueLow: 3333, customTargetValueHigh: 3333 },
        { durationType: 'time', durationValue: 120_000, targetType: 'open', intensity: 'recovery' },
        { durationType: 'repeatUntilStepsCmplt', durationValue: 1, targetValue: 4 },
        { durationType: 'open', targetType: 'open' },
        { durationType: 'open', targetType: 'open', intensity: 'cooldown' },
      ]),
    );
    const lengths = workout.items.flatMap((item) => (item.kind === 'step' ? [item] : item.steps)).map((s) => [s.length, s.speedKmh]);
    expect(lengths).to.deep.equal([
      [{ kind: 'time', seconds: 600 }, null],
      [{ kind: 'time', seconds: 180 }, 12],
      [{ kind: 'time', seconds: 120 }, null],
      [{ kind: 'time', seconds: 300 }, null],
      [{ kind: 'time', seconds: 300 }, null],
    ]);
    expect(notes).to.deep.equal([
      'Step 1 (a warm-up) ends when you press the lap button, which a treadmill workout cannot wait for, so it runs 10 min.',
      'Step 3 sets no speed, so the belt keeps the speed of the step before it.',
      'Step 5 ends when you press the lap button, which a treadmill workout cannot wait for, so it runs 5 min.',
      'Step 6 (a cool-down) ends when you press the lap button, which a treadmill workout cannot wait for, so it runs 5 min.',
    ]);
  });

  function refusal(bytes: Uint8Array): ImportError {
    try {
      decodeFitWorkout(bytes);
    } catch (error) {
      expect(error).to.be.instanceOf(ImportError);
      return error as ImportError;
    }
    throw new Error('the file was read');
  }
  const refused = (bytes: Uint8Array, problem: ImportProblem, message: RegExp): void => {
    const error = refusal(bytes);
    expect(error.problem).to.equal(problem);
    expect(error.message).to.match(message);
  };
  const good = encodeFitWorkout(intervals).bytes;

  it('refuses files that are not whole FIT files, in words', () => {
    refused(new Uint8Array(0), 'empty', /empty/);
    refused(new TextEncoder().encode('<xml>not fit</xml>'), 'not-a-run-file', /not a FIT file/);
    refused(good.slice(0, 10), 'truncated', /truncated/);
    refused(good.slice(0, good.length - 5), 'truncated', /truncated/);
    const flipped = good.slice();
    flipped[flipped.length >> 1] ^= 0x5a;
    refused(flipped, 'damaged', /checksum does not match/);
  });

  it('refuses a FIT file that is not a workout, and a workout for another sport', () => {
    refused(encodeFit(fixtureSession()), 'not-a-workout', /not a workout: it is a recorded activity/);
    refused(foreign([{ durationType: 'time', durationValue: 1000, targetType: 'open' }], {}, 'settings'), 'not-a-workout', /settings file/);
    refused(foreign([{ durationType: 'time', durationValue: 1000, targetType: 'open' }], { sport: 'cycling' }), 'not-a-run', /cycling workout/);
    refused(foreign([], { numValidSteps: 0 }), 'no-samples', /no steps/);
  });

  it('refuses steps and repeats a treadmill workout cannot follow, naming the step', () => {
    refused(foreign([{ durationType: 'time', durationValue: 1000 }, { durationType: 'hrLessThan', durationValue: 130 }]), 'unsupported', /Step 2 .*something other than a time or distance/);
    const nested = foreign([
      { durationType: 'time', durationValue: 1000, targetType: 'open' },
      { durationType: 'time', durationValue: 1000, targetType: 'open' },
      { durationType: 'repeatUntilStepsCmplt', durationValue: 1, targetValue: 2 },
      { durationType: 'repeatUntilStepsCmplt', durationValue: 0, targetValue: 2 },
    ]);
    refused(nested, 'unsupported', /repeats inside repeats/);
    refused(foreign([{ durationType: 'time', durationValue: 0, targetType: 'open' }]), 'damaged', /Step 1 of this workout has no length/);
    refused(foreign([{ durationType: 'repeatUntilStepsCmplt', durationValue: 0, targetValue: 2 }]), 'damaged', /not before it/);
    const many = foreign([{ durationType: 'time', durationValue: 1000, targetType: 'open' }, { durationType: 'repeatUntilStepsCmplt', durationValue: 0, targetValue: 51 }]);
    refused(many, 'unsupported', /^Step 2 of this workout repeats 51 times; a Stridewise workout repeats at most 50 times\.$/);
  });

  it('property: any byte flipped, or the file cut anywhere, is refused with an ImportError, never another exception', () => {
    fc.assert(
      fc.property(fc.nat({ max: good.length - 1 }), fc.integer({ min: 1, max: 255 }), fc.boolean(), (at, xor, cut) => {
        const bytes = cut ? good.slice(0, at) : good.slice();
        if (!cut) bytes[at] ^= xor;
        try {
          decodeFitWorkout(bytes);
        } catch (error) {
          expect(error, String(error)).to.be.instanceOf(ImportError);
        }
      }),
      { numRuns: invariantRuns(150) },
    );
  });
});
