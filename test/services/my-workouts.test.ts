// The pages' front to workouts: saves, deletes and settings reach the real store, a FIT file goes
// out and comes back in as an imported workout, and a bad file or a damaged store becomes a
// sentence in `message` or `problems`, never an exception.
import { expect } from '@open-wc/testing';
import { clear, get, set } from 'idb-keyval';
import { type Encodable, Encoder, type Mesg, Profile } from '@garmin/fitsdk';
import { workoutFileName } from '../../src/export/download-name.js';
import { decodeFitWorkout } from '../../src/export/fit-workout.js';
import { encodeFit } from '../../src/export/fit.js';
import { MyWorkouts } from '../../src/services/my-workouts.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import type { Workout } from '../../src/workout/workout-types.js';
import { fixtureSession } from '../export/session-fixture.js';

useSeparateDatabase('stride-test-my-workouts');

const hills: Workout = {
  id: 'w-hills',
  name: 'Hills',
  origin: 'mine',
  updatedAt: Date.UTC(2026, 11, 7, 9),
  items: [
    {
      kind: 'repeat',
      times: 5,
      steps: [
        { kind: 'step', name: 'Up', intensity: 'active', length: { kind: 'time', seconds: 120 }, speedKmh: 10.5, inclinePercent: 6, cadence: null },
        { kind: 'step', name: 'Down', intensity: 'recovery', length: { kind: 'time', seconds: 90 }, speedKmh: 9, inclinePercent: 0, cadence: 168 },
      ],
    },
  ],
};

describe('MyWorkouts', () => {
  beforeEach(() => clear(kvStore()));

  it('loads, saves, deletes, and tells the page each time', async () => {
    const mine = new MyWorkouts();
    let changes = 0;
    mine.addEventListener('change', () => changes++);
    await mine.load();
    expect(mine.workouts).to.deep.equal([]);
    expect(mine.settings?.holdPace).to.equal(false);
    expect(await mine.save(hills)).to.equal(true);
    expect(mine.message).to.equal('Saved “Hills”.');
    expect(mine.workouts.map((w) => w.name)).to.deep.equal(['Hills']);
    expect(mine.workouts[0]!.updatedAt, 'the time of the save').to.be.above(hills.updatedAt);
    expect(await mine.remove(mine.workouts[0]!)).to.equal(true);
    expect(mine.workouts).to.deep.equal([]);
    expect(changes).to.be.above(3);
  });

  it('changes one setting and keeps the others, as stored', async () => {
    const mine = new MyWorkouts();
    expect(await mine.saveSettings({ maxSpeedKmh: 16, lagS: { 'tm-1': 2 } })).to.equal(true);
    expect(await mine.saveSettings({ holdPace: true })).to.equal(true);
    expect(mine.settings).to.deep.include({ maxSpeedKmh: 16, holdPace: true, lagS: { 'tm-1': 2 } });
    expect(await get('workout-settings', kvStore())).to.deep.include({ maxSpeedKmh: 16, holdPace: true });
    expect(await mine.saveSettings({ maxSpeedKmh: Number.NaN })).to.equal(false);
    expect(mine.message).to.match(/could not be saved/);
  });

  it('exports a FIT file that reads back as the workout, and says what FIT cannot hold', async () => {
    const mine = new MyWorkouts();
    const file = await mine.exportFit(hills);
    expect(file!.fileName).to.match(/^stridewise-workout-\d{4}-\d\d-\d\d-\d{4}\.fit$/);
    expect(file!.notes[0]).to.match(/incline/);
    expect(mine.message).to.equal(file!.notes.join(' '));
    expect(decodeFitWorkout(new Uint8Array(await file!.blob.arrayBuffer())).workout.items).to.deep.equal(hills.items);
    expect(await mine.exportFit({ ...hills, items: [] })).to.equal(null);
    expect(mine.message).to.match(/^“Hills” could not be exported: This workout has no steps/);
  });

  it('imports a FIT workout as an imported workout, and refuses an activity file in words, storing nothing', async () => {
    const mine = new MyWorkouts();
    const fit = (await new MyWorkouts().exportFit(hills))!.blob;
    const imported = await mine.importFit(new File([fit], 'hills.fit'));
    expect(imported?.origin).to.equal('imported');
    expect(mine.message).to.equal('Imported “Hills”.');
    expect(mine.workouts.map((w) => [w.name, w.origin])).to.deep.equal([['Hills', 'imported']]);

    await clear(kvStore());
    expect(await mine.importFit(new File([encodeFit(fixtureSession())], 'run.fit'))).to.equal(null);
    expect(mine.message).to.equal('run.fit: This FIT file is not a workout: it is a recorded activity (import it under History).');
    expect(await mine.importFit(new File(['hello'], 'notes.txt'))).to.equal(null);
    expect(mine.message).to.match(/^notes.txt: This file is not a FIT file/);
    expect(await get('workouts', kvStore())).to.equal(undefined);
  });

  it('names an exported library workout (changed at 0) by the day of the export, not 1970', async () => {
    const mine = new MyWorkouts();
    const before = workoutFileName(Date.now());
    const file = await mine.exportFit({ ...hills, id: 'library-hills', origin: 'library', updatedAt: 0 });
    const after = workoutFileName(Date.now());
    expect([before, after]).to.include(file!.fileName);
  });

  it('imports a lap-button warm-up with a time, and says so after "Imported"', async () => {
    const mine = new MyWorkouts();
    const encoder = new Encoder();
    const mesg = (mesgNum: number, fields: Record<string, unknown>) => ({ mesgNum, ...fields }) as Encodable<Mesg>;
    encoder.writeMesg(mesg(Profile.MesgNum.FILE_ID!, { type: 'workout', manufacturer: 'garmin', product: 1, serialNumber: 5, timeCreated: new Date(Date.UTC(2026, 0, 1)) }));
    encoder.writeMesg(mesg(Profile.MesgNum.WORKOUT!, { wktName: 'Connect run', sport: 'running', numValidSteps: 2 }));
    encoder.writeMesg(mesg(Profile.MesgNum.WORKOUT_STEP!, { messageIndex: 0, durationType: 'open', targetType: 'open', intensity: 'warmup' }));
    encoder.writeMesg(mesg(Profile.MesgNum.WORKOUT_STEP!, { messageIndex: 1, durationType: 'time', durationValue: 60_000, targetType: 'open' }));
    const imported = await mine.importFit(new File([encoder.close().slice()], 'connect.fit'));
    expect(imported?.items[0]).to.deep.include({ length: { kind: 'time', seconds: 600 } });
    expect(mine.message).to.equal('Imported “Connect run”. Step 1 (a warm-up) ends when you press the lap button, which a treadmill workout cannot wait for, so it runs 10 min.');
  });

  it('says what it could not read, and discards it only when asked', async () => {
    await set('workouts', [hills, { id: 'x', name: 'Broken' }], kvStore());
    const mine = new MyWorkouts();
    await mine.load();
    expect(mine.workouts).to.deep.equal([hills]);
    expect(mine.damaged).to.equal(1);
    expect(mine.problems[0]).to.match(/^Workout “Broken” is damaged/);
    expect(await mine.discardDamaged()).to.equal(true);
    expect(mine.damaged).to.equal(0);
    expect(mine.problems).to.deep.equal([]);
    expect(await get('workouts', kvStore())).to.deep.equal([hills]);
  });
});
