// The runner's workouts and workout settings in real IndexedDB: read back as saved, a damaged
// workout left out and said but never written over, each settings field checked on its own, both
// carried through a backup and restore, and left alone by the store check.
import { expect } from '@open-wc/testing';
import { clear, get, set } from 'idb-keyval';
import fc from 'fast-check';
import { createBackup, restoreBackup } from '../../src/store/backup.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { saveSession } from '../../src/store/session-store.js';
import { checkStore } from '../../src/store/store-check.js';
import { defaultWorkoutSettings } from '../../src/store/workout-settings.js';
import {
  changeWorkoutSettings,
  deleteWorkout,
  discardDamagedWorkouts,
  loadWorkoutSettings,
  loadWorkouts,
  saveWorkout,
  saveWorkoutSettings,
} from '../../src/store/workout-store.js';
import type { Workout, WorkoutStep } from '../../src/workout/workout-types.js';
import { invariantRuns } from '../support/invariant-runs.js';
import { workoutArb } from '../support/workout-arbitrary.js';
import { syntheticSession } from './fixtures.js';

useSeparateDatabase('stride-test-workout-store');

const step = (fields: Partial<WorkoutStep> = {}): WorkoutStep => ({
  kind: 'step', name: 'Easy', intensity: 'active', length: { kind: 'time', seconds: 300 },
  speedKmh: 10, inclinePercent: null, cadence: null, ...fields,
});
const workout = (id: string, name: string, items: Workout['items'] = [step()]): Workout => ({
  id, name, items, origin: 'mine', updatedAt: Date.UTC(2026, 11, 7, 9),
});
const hills = workout('w-hills', 'Hills', [
  step({ name: 'Warm up', intensity: 'warmup' }),
  { kind: 'repeat', times: 4, steps: [step({ name: 'Hill', inclinePercent: 6, cadence: 172 }), step({ name: 'Flat', intensity: 'recovery' })] },
]);
const tempo = workout('w-tempo', 'Tempo', [step({ length: { kind: 'distance', metres: 5000 }, speedKmh: 13.2 })]);
const broken = { id: 'w-broken', name: 'Broken', items: 'not a list', origin: 'mine', updatedAt: 1 };

describe('workout store (real IndexedDB)', () => {
  beforeEach(() => clear(kvStore()));

  it('has no workouts, no problems and the default settings in an empty store', async () => {
    expect(await loadWorkouts()).to.deep.equal({ workouts: [], problems: [], damaged: 0 });
    expect(await loadWorkoutSettings()).to.deep.equal({ settings: defaultWorkoutSettings(), problems: [] });
    expect(defaultWorkoutSettings()).to.deep.equal({
      maxSpeedKmh: null, maxInclinePercent: null, confirmedTreadmills: [], holdPace: false, sendEarly: false, lagS: {}, easyKmh: null,
    });
  });

  it('saves under `workouts`, replaces a workout by its id, deletes one, and keeps the order', async () => {
    expect(await saveWorkout(hills)).to.equal(null);
    expect(await saveWorkout(tempo)).to.equal(null);
    const renamed = { ...hills, name: 'Hills, longer', updatedAt: hills.updatedAt + 1 };
    expect(await saveWorkout(renamed)).to.equal(null);
    expect((await loadWorkouts()).workouts).to.deep.equal([renamed, tempo]);
    expect(await get('workouts', kvStore())).to.have.length(2);
    expect(await deleteWorkout('w-hills')).to.equal(null);
    expect((await loadWorkouts()).workouts).to.deep.equal([tempo]);
  });

  it('property: any workouts saved one by one read back exactly, the last save of an id winning', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(workoutArb, { maxLength: 6 }), fc.nat(), async (saved, pick) => {
        await clear(kvStore());
        // Some saves are edits of a workout saved before: same id, new content.
        const writes = saved.map((w, i) => (i > 0 && (pick + i) % 3 === 0 ? { ...w, id: saved[(pick + i) % i]!.id } : w));
        for (const w of writes) expect(await saveWorkout(w)).to.equal(null);
        const expected: Workout[] = [];
        for (const w of writes) {
          const at = expected.findIndex((e) => e.id === w.id);
          if (at < 0) expected.push(w);
          else expected[at] = w;
        }
        expect(await loadWorkouts()).to.deep.equal({ workouts: expected, problems: [], damaged: 0 });
      }),
      { numRuns: invariantRuns(25) },
    );
  });

  it('leaves a damaged workout out and says so by name, but never writes over it', async () => {
    await set('workouts', [hills, broken, { name: 7 }], kvStore());
    const loaded = await loadWorkouts();
    expect(loaded.workouts).to.deep.equal([hills]);
    expect(loaded.damaged).to.equal(2);
    expect(loaded.problems).to.deep.equal([
      'Workout “Broken” is damaged (it has no list of steps), so it is left out. It stays stored as it is: restore a backup to get it back, or discard it.',
      'Workout number 3 is damaged (it has no id), so it is left out. It stays stored as it is: restore a backup to get it back, or discard it.',
    ]);
    expect(await saveWorkout(tempo)).to.equal(null);
    expect(await deleteWorkout('w-hills')).to.equal(null);
    expect(await get('workouts', kvStore()), 'the damaged ones untouched').to.deep.equal([broken, { name: 7 }, tempo]);
    expect(await discardDamagedWorkouts()).to.equal(null);
    expect(await get('workouts', kvStore())).to.deep.equal([tempo]);
    expect(await loadWorkouts()).to.deep.equal({ workouts: [tempo], problems: [], damaged: 0 });
  });

  it('a damaged list as a whole: said, refused as a place to save, and replaced only when the runner discards it', async () => {
    await set('workouts', { oops: true }, kvStore());
    const loaded = await loadWorkouts();
    expect(loaded.workouts).to.deep.equal([]);
    expect(loaded.problems[0]).to.match(/^The stored list of workouts is damaged/);
    expect(await saveWorkout(tempo)).to.match(/^The stored list of workouts is damaged/);
    expect(await deleteWorkout('w-tempo')).to.match(/damaged/);
    expect(await get('workouts', kvStore())).to.deep.equal({ oops: true });
    expect(await discardDamagedWorkouts()).to.equal(null);
    expect(await saveWorkout(tempo)).to.equal(null);
    expect((await loadWorkouts()).workouts).to.deep.equal([tempo]);
  });

  it('checks every field of a stored workout: one bad field is a damaged workout, said with where', async () => {
    const good = hills as unknown as Record<string, unknown>;
    const firstStep = (fields: Record<string, unknown>) => ({ ...good, items: [{ ...step(), ...fields }] });
    const inRepeat = (fields: Record<string, unknown>) => ({ ...good, items: [{ kind: 'repeat', times: 2, steps: [step(), { ...step(), ...fields }] }] });
    const cases: [unknown, RegExp][] = [
      [{ ...good, id: '' }, /it has no id/],
      [{ ...good, name: null }, /its name is not text/],
      [{ ...good, origin: 'web' }, /unknown origin/],
      [{ ...good, updatedAt: Number.NaN }, /time of its last change/],
      [firstStep({ kind: 'rest' }), /its item 1 is not a step/],
      [firstStep({ name: 3 }), /item 1 has a name that is not text/],
      [firstStep({ intensity: 'sprint' }), /unknown intensity/],
      [firstStep({ length: { kind: 'time', seconds: 0 } }), /no proper length/],
      [firstStep({ length: { kind: 'distance', seconds: 100 } }), /no proper length/],
      [firstStep({ length: { kind: 'time', seconds: Infinity } }), /no proper length/],
      [firstStep({ speedKmh: '12' }), /speed that is not a number/],
      [firstStep({ speedKmh: -1 }), /speed that is not a number above zero/],
      [firstStep({ inclinePercent: Number.NaN }), /incline that is not a number/],
      [firstStep({ cadence: 0 }), /cadence that is not a number above zero/],
      [inRepeat({ speedKmh: undefined }), /step 2 of the repeat at item 1 has a speed/],
      [{ ...good, items: [{ kind: 'repeat', times: 0, steps: [step()] }] }, /repeat without a proper number of times/],
      [{ ...good, items: [{ kind: 'repeat', times: 2.5, steps: [step()] }] }, /repeat without a proper number of times/],
      [{ ...good, items: [{ kind: 'repeat', times: 2, steps: null }] }, /repeat without steps/],
      [{ ...good, items: [{ kind: 'repeat', times: 51, steps: [step()] }] }, /repeat without a proper number of times \(1 to 50\)/],
      [{ ...good, items: [{ kind: 'repeat', times: Number.MAX_SAFE_INTEGER, steps: [step()] }] }, /repeat without a proper number of times/],
      [{ ...good, items: [{ kind: 'repeat', times: 2, steps: [] }] }, /item 1 is a repeat without steps/],
      [{ ...good, items: [{ kind: 'repeat', times: 2, steps: [{ kind: 'repeat', times: 2, steps: [] }] }] }, /is not a step/],
    ];
    await set('workouts', cases.map(([value]) => value), kvStore());
    const loaded = await loadWorkouts();
    expect(loaded.workouts).to.deep.equal([]);
    expect(loaded.problems).to.have.length(cases.length);
    cases.forEach(([, problem], i) => expect(loaded.problems[i], `case ${i + 1}`).to.match(problem));
  });

  it('reads back only the fields of the shape: anything stored beside them is left behind', async () => {
    await set('workouts', [{ ...hills, extra: '<b>x</b>', items: [{ ...step(), html: 'x' }] }], kvStore());
    expect((await loadWorkouts()).workouts).to.deep.equal([{ ...hills, items: [step()] }]);
  });

  it('refuses to save a workout that is not one, and says why', async () => {
    const bad = { ...tempo, items: [step({ length: { kind: 'time', seconds: -5 } })] };
    expect(await saveWorkout(bad)).to.match(/^The workout could not be saved because its item 1 has no proper length/);
    expect(await get('workouts', kvStore())).to.equal(undefined);
  });

  it('stores the settings and reads them back; a damaged field falls back alone, and is said', async () => {
    const settings = { maxSpeedKmh: 16, maxInclinePercent: 8, confirmedTreadmills: ['tm-1'], holdPace: true, sendEarly: true, lagS: { 'tm-1': 2.4 }, easyKmh: 9.5 };
    expect(await saveWorkoutSettings(settings)).to.equal(null);
    expect(await loadWorkoutSettings()).to.deep.equal({ settings, problems: [] });

    await set('workout-settings', { ...settings, maxSpeedKmh: 'fast', holdPace: 'yes', lagS: { 'tm-1': 2.4, 'tm-2': -1, 'tm-3': 'x' }, easyKmh: 45 }, kvStore());
    const loaded = await loadWorkoutSettings();
    expect(loaded.settings).to.deep.equal({ ...settings, maxSpeedKmh: null, holdPace: false, lagS: { 'tm-1': 2.4 }, easyKmh: null });
    expect(loaded.problems).to.deep.equal([
      "The stored maximum speed was damaged, so the treadmill's own maximum is in use.",
      'The stored choice to hold the footpod’s pace was damaged, so off is in use.',
      'The stored lag of a treadmill was damaged, so nothing until it is learned again is in use.',
      'The stored easy speed you typed was damaged, so the one from your runs is in use.',
    ]);

    // A restored backup with maximums past what any workout may set: not limits to drive a belt by.
    await set('workout-settings', { ...settings, maxSpeedKmh: 45, maxInclinePercent: 40 }, kvStore());
    const tooHigh = await loadWorkoutSettings();
    expect(tooHigh.settings).to.deep.equal({ ...settings, maxSpeedKmh: null, maxInclinePercent: null });
    expect(tooHigh.problems).to.deep.equal([
      "The stored maximum speed is above 30 km/h, faster than any workout may set, so the treadmill's own maximum is in use.",
      "The stored maximum incline is outside -10 to 30 %, the inclines a workout may set, so the treadmill's own maximum is in use.",
    ]);
    await set('workout-settings', { ...settings, maxSpeedKmh: 30, maxInclinePercent: 30 }, kvStore());
    expect((await loadWorkoutSettings()).problems, 'at 30 km/h and 30 %: kept').to.deep.equal([]);

    await set('workout-settings', { confirmedTreadmills: [1], maxInclinePercent: null, sendEarly: true, lagS: [] }, kvStore());
    const partial = await loadWorkoutSettings();
    expect(partial.settings).to.deep.equal({ ...defaultWorkoutSettings(), sendEarly: true });
    // maxSpeedKmh and holdPace are not stored at all: their defaults, without a word.
    expect(partial.problems).to.deep.equal([
      'The stored list of confirmed treadmills was damaged, so an empty list (each treadmill asks for confirmation again) is in use.',
      'The stored lag of the treadmills was damaged, so nothing until they are learned again is in use.',
    ]);

    await set('workout-settings', 'garbage', kvStore());
    expect((await loadWorkoutSettings()).problems).to.deep.equal(['The stored workout settings are damaged, so the defaults are in use until you change them.']);
    expect(await get('workout-settings', kvStore()), 'left as it was').to.equal('garbage');
  });

  it('changes some settings and keeps the others as stored, refusing a bad value', async () => {
    await saveWorkoutSettings({ ...defaultWorkoutSettings(), maxSpeedKmh: 16, lagS: { 'tm-1': 2.5 } });
    // As another tab would: the workout learned a lag while Settings was open.
    await Promise.all([changeWorkoutSettings({ holdPace: true }), changeWorkoutSettings({ lagS: { 'tm-1': 2.5, 'tm-2': 1.5 } })]);
    expect((await loadWorkoutSettings()).settings).to.deep.equal({
      ...defaultWorkoutSettings(), maxSpeedKmh: 16, holdPace: true, lagS: { 'tm-1': 2.5, 'tm-2': 1.5 },
    });
    expect(await changeWorkoutSettings({ maxInclinePercent: Number.NaN })).to.match(/could not be saved.*Nothing was changed/);
    expect((await loadWorkoutSettings()).settings.maxInclinePercent).to.equal(null);
  });

  it('refuses to save settings with a value that is not one, changing nothing', async () => {
    const bad = { ...defaultWorkoutSettings(), maxSpeedKmh: -3 };
    expect(await saveWorkoutSettings(bad)).to.match(/^The workout settings could not be saved/);
    expect(await get('workout-settings', kvStore())).to.equal(undefined);
  });

  it('turns failed writes and reads into sentences, never exceptions', async () => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    try {
      expect(await saveWorkout(tempo)).to.match(/^The workout “Tempo” could not be saved: The disk is full/);
      expect(await saveWorkoutSettings(defaultWorkoutSettings())).to.match(/^The workout settings could not be saved: The disk is full/);
      expect(await discardDamagedWorkouts()).to.match(/could not be discarded: The disk is full/);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    const read = IDBObjectStore.prototype.get;
    IDBObjectStore.prototype.get = function () {
      throw new DOMException('broken', 'UnknownError');
    };
    try {
      expect((await loadWorkouts()).problems[0]).to.match(/^Your workouts could not be read: The browser's storage failed/);
      const settings = await loadWorkoutSettings();
      expect(settings.settings).to.deep.equal(defaultWorkoutSettings());
      expect(settings.problems[0]).to.match(/^The workout settings could not be read/);
    } finally {
      IDBObjectStore.prototype.get = read;
    }
  });

  it('travels in the backup: a restore brings back the workouts, the settings and a damaged entry as it was', async () => {
    await saveWorkout(hills);
    await saveWorkout(tempo);
    const settings = { ...defaultWorkoutSettings(), maxSpeedKmh: 15, confirmedTreadmills: ['tm-9'], lagS: { 'tm-9': 3.1 } };
    await saveWorkoutSettings(settings);
    await set('workouts', [...((await get('workouts', kvStore())) as unknown[]), broken], kvStore());
    await saveSession(syntheticSession({ id: 'run-1', seconds: 120 }));
    const backup = await createBackup();
    await clear(kvStore());
    expect(await restoreBackup(backup)).to.deep.equal({ sessions: 1 });
    const loaded = await loadWorkouts();
    expect(loaded.workouts).to.deep.equal([hills, tempo]);
    expect(loaded.damaged).to.equal(1);
    expect(await get('workouts', kvStore())).to.deep.equal([hills, tempo, broken]);
    expect(await loadWorkoutSettings()).to.deep.equal({ settings, problems: [] });
  });

  it('is no damage to the store check, which leaves both keys as they are', async () => {
    await saveWorkout(hills);
    await set('workouts', [hills, broken], kvStore());
    await saveWorkoutSettings({ ...defaultWorkoutSettings(), holdPace: true });
    await saveSession(syntheticSession({ id: 'run-2', seconds: 120 }));
    expect(await checkStore()).to.deep.equal({ repaired: [], found: [] });
    expect(await get('workouts', kvStore())).to.deep.equal([hills, broken]);
    expect((await loadWorkoutSettings()).settings.holdPace).to.equal(true);
  });
});
