// The Workouts page over the real services and the browser's own IndexedDB: the library's speeds
// from the runner's easy pace (their runs, or typed), their own workouts made, saved, deleted,
// written to and read from FIT workout files, and Start handing a workout to the runner.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import '../../src/pages/stride-workouts-page.js';
import type { StrideWorkoutsPage } from '../../src/pages/stride-workouts-page.js';
import type { StrideWorkoutEditor } from '../../src/components/stride-workout-editor.js';
import type { StrideWorkoutList } from '../../src/components/stride-workout-list.js';
import { decodeFitWorkout, encodeFitWorkout } from '../../src/export/fit-workout.js';
import { type AppServices, createServices } from '../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { saveSession } from '../../src/store/session-store.js';
import { loadWorkoutSettings, loadWorkouts, saveWorkout } from '../../src/store/workout-store.js';
import { libraryWorkouts } from '../../src/workout/workout-library.js';
import type { Workout } from '../../src/workout/workout-types.js';
import { catchDownloads } from '../support/catch-downloads.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { generatedSession } from '../support/generated-sessions.js';

useSeparateDatabase('stride-test-workouts-page');

const DAY = 86_400_000;
let services: AppServices;

async function openPage(): Promise<StrideWorkoutsPage> {
  services = createServices({}, {}, async () => fakeCoachEngine());
  await services.settings.load();
  const page = await fixture<StrideWorkoutsPage>(html`<stride-workouts-page .services=${services}></stride-workouts-page>`);
  await waitUntil(() => page.loaded && services.history.loaded, 'workouts and runs read', { timeout: 5000 });
  await page.updateComplete;
  return page;
}
const q = <T extends Element = HTMLElement>(page: StrideWorkoutsPage, selector: string) => page.shadowRoot!.querySelector<T & Element>(selector);
const words = (page: StrideWorkoutsPage, selector: string) => q(page, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
const list = (page: StrideWorkoutsPage, id: 'library' | 'mine') => q<StrideWorkoutList>(page, `stride-workout-list#${id}`);
const names = (page: StrideWorkoutsPage, id: 'library' | 'mine') =>
  [...(list(page, id)?.shadowRoot!.querySelectorAll('h3') ?? [])].map((h) => h.textContent);
async function press(page: StrideWorkoutsPage, id: 'library' | 'mine', workoutId: string, action: string): Promise<void> {
  const listEl = list(page, id)!;
  listEl.shadowRoot!.querySelector<HTMLButtonElement>(`#workout-${workoutId} [data-action="${action}"]`)!.click();
  await page.updateComplete;
}
const own = (name: string, speedKmh = 11): Workout => ({
  id: crypto.randomUUID(), name, origin: 'mine', updatedAt: Date.now(),
  items: [{ kind: 'step', name: 'Steady', intensity: 'active', length: { kind: 'time', seconds: 1200 }, speedKmh, inclinePercent: 2, cadence: 172 }],
});

describe('stride-workouts-page', () => {
  beforeEach(() => clear(kvStore()));

  it('takes the library’s speeds from the runner’s runs', async () => {
    const now = Date.now();
    for (let i = 0; i < 4; i++) await saveSession(generatedSession({ id: `r${i}`, startedAt: now - (i + 1) * 3 * DAY, minutes: 20, cadenceBase: 168, speed: 2.9 }));
    const page = await openPage();
    expect(words(page, '#easy-pace')).to.match(/^Speeds from your easy pace: \d+\.\d km\/h \(\d:\d\d min\/km\), from your recent runs\.$/);
    expect(names(page, 'library')).to.deep.equal(libraryWorkouts(10).map((w) => w.name));
    expect(q(page, '#easy-limited'), 'an easy pace inside the library’s is not said to be limited').to.equal(null);
  });

  // The library holds an easy pace to 4-20 km/h: a runner whose runs say 21.6 km/h saw that pace on
  // the page while every speed below it came from 20.0.
  it('shows the easy pace the library uses when the runs’ pace is outside its paces, and says it was limited', async () => {
    const now = Date.now();
    for (let i = 0; i < 4; i++) await saveSession(generatedSession({ id: `r${i}`, startedAt: now - (i + 1) * 3 * DAY, minutes: 20, cadenceBase: 190, speed: 6 }));
    const page = await openPage();
    expect(words(page, '#easy-pace')).to.equal('Speeds from your easy pace: 20.0 km/h (3:00 min/km), from your recent runs.');
    expect(words(page, '#easy-limited')).to.match(/^Your runs’ pace, 2\d\.\d km\/h, is faster than the library’s easy paces \(4\.0 km\/h to 20\.0 km\/h\), so it uses 20\.0 km\/h\.$/);
    expect(q<HTMLInputElement>(page, '#easy-speed')!.value).to.equal('20.0');
  });

  it('asks for an easy speed without runs, refuses one it cannot use, and builds the library from the one typed', async () => {
    const page = await openPage();
    expect(words(page, '#easy-pace')).to.contain('No runs to take your easy pace from yet');
    expect(list(page, 'library')).to.equal(null);
    const input = q<HTMLInputElement>(page, '#easy-speed')!;
    input.value = 'quick';
    q<HTMLButtonElement>(page, '#use-easy')!.click();
    await page.updateComplete;
    expect(words(page, '#easy-problem')).to.contain('Type the speed you run easily, in km/h');
    input.value = '10,5';
    q<HTMLButtonElement>(page, '#use-easy')!.click();
    await page.updateComplete;
    expect(q(page, '#easy-problem')).to.equal(null);
    expect(words(page, '#easy-pace')).to.equal('Speeds from your easy pace: 10.5 km/h (5:42 min/km), as you typed it.');
    await list(page, 'library')!.updateComplete;
    expect(list(page, 'library')!.workouts).to.deep.equal(libraryWorkouts(10.5));
  });

  it('takes the easy pace typed as a pace too, and keeps it for the next visit', async () => {
    const page = await openPage();
    q<HTMLInputElement>(page, '#easy-speed')!.value = '6:00';
    q<HTMLButtonElement>(page, '#use-easy')!.click();
    await waitUntil(async () => (await loadWorkoutSettings()).settings.easyKmh === 10, 'kept in the workout settings', { timeout: 5000 });
    expect(words(page, '#easy-pace')).to.match(/^Speeds from your easy pace: 10\.0 km\/h \(6:00 min\/km\), as you typed it/);
    const again = await openPage();
    expect(words(again, '#easy-pace')).to.match(/^Speeds from your easy pace: 10\.0 km\/h .*as you typed it/);
    expect(list(again, 'library')!.workouts).to.deep.equal(libraryWorkouts(10));
    // An empty box goes back to the runs (none here: the question again).
    q<HTMLInputElement>(again, '#easy-speed')!.value = '';
    q<HTMLButtonElement>(again, '#use-easy')!.click();
    await waitUntil(() => words(again, '#easy-pace')!.includes('No runs to take your easy pace from yet'), 'back to the runs', { timeout: 5000 });
    expect((await loadWorkoutSettings()).settings.easyKmh).to.equal(null);
  });

  it('an easy pace typed as 6:30 min/km is said as 6:30, now and on the next visit; Use this again moves nothing', async () => {
    // Kept to a thousandth of a km/h, 6:30 was said back "6:29 min/km, as you typed it".
    const page = await openPage();
    q<HTMLInputElement>(page, '#easy-speed')!.value = '6:30';
    q<HTMLButtonElement>(page, '#use-easy')!.click();
    await waitUntil(async () => (await loadWorkoutSettings()).settings.easyKmh !== null, 'kept in the workout settings', { timeout: 5000 });
    await page.updateComplete;
    expect(words(page, '#easy-pace')).to.contain('(6:30 min/km), as you typed it');
    expect(q<HTMLInputElement>(page, '#easy-speed')!.value, 'the box keeps the words typed').to.equal('6:30');
    const again = await openPage();
    expect(words(again, '#easy-pace')).to.contain('(6:30 min/km), as you typed it');
    // The box shows the speed to its hundredth (9.23); pressed again unchanged, the pace stays 6:30.
    const kept = (await loadWorkoutSettings()).settings.easyKmh;
    q<HTMLButtonElement>(again, '#use-easy')!.click();
    await again.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await loadWorkoutSettings()).settings.easyKmh).to.equal(kept);
    expect(words(again, '#easy-pace')).to.contain('(6:30 min/km), as you typed it');
  });

  it('makes a new workout in the editor, saves it to the store, and shows it after a reload', async () => {
    const page = await openPage();
    expect(words(page, '#none-mine')).to.contain('None yet');
    q<HTMLButtonElement>(page, '#new-workout')!.click();
    await page.updateComplete;
    const editor = q<StrideWorkoutEditor>(page, 'stride-workout-editor')!;
    await editor.updateComplete;
    editor.shadowRoot!.querySelector<HTMLButtonElement>('#add-step')!.click();
    await editor.updateComplete;
    const speed = editor.shadowRoot!.querySelector<HTMLInputElement>('#speed-0')!;
    speed.value = '11.5';
    speed.dispatchEvent(new Event('change'));
    editor.shadowRoot!.querySelector<HTMLButtonElement>('#save')!.click();
    await waitUntil(() => names(page, 'mine').length === 1, 'the workout is listed');
    expect(q(page, 'stride-workout-editor')).to.equal(null);
    expect(names(page, 'mine')).to.deep.equal(['My workout']);
    const stored = await loadWorkouts();
    expect(stored.workouts).to.have.length(1);
    expect(stored.workouts[0]!.items[0]).to.include({ speedKmh: 11.5 });
    const again = await openPage();
    expect(names(again, 'mine')).to.deep.equal(['My workout']);
  });

  it('copies a library workout into the editor as the runner’s own', async () => {
    const page = await openPage();
    q<HTMLInputElement>(page, '#easy-speed')!.value = '10';
    q<HTMLButtonElement>(page, '#use-easy')!.click();
    await page.updateComplete;
    await press(page, 'library', 'library-intervals', 'copy');
    const editor = q<StrideWorkoutEditor>(page, 'stride-workout-editor')!;
    expect(editor.workout!.origin).to.equal('mine');
    expect(editor.workout!.id).to.not.equal('library-intervals');
    expect(editor.workout!.name).to.equal('Intervals: 6 × 3 min (mine)');
    expect(editor.workout!.items).to.deep.equal(libraryWorkouts(10).find((w) => w.id === 'library-intervals')!.items);
  });

  it('deletes a workout from the list and the store', async () => {
    const keep = own('Keep');
    const go = own('Go');
    await saveWorkout(keep);
    await saveWorkout(go);
    const page = await openPage();
    await press(page, 'mine', go.id, 'delete');
    await waitUntil(() => names(page, 'mine').length === 1, 'one left');
    expect(names(page, 'mine')).to.deep.equal(['Keep']);
    expect((await loadWorkouts()).workouts.map((w) => w.name)).to.deep.equal(['Keep']);
    expect(words(page, '#outcomes')).to.equal('Deleted “Go”.');
  });

  it('exports a FIT workout file that reads back as the same workout, and says what FIT cannot hold', async () => {
    const workout = own('Hill <b>day</b>');
    await saveWorkout(workout);
    const page = await openPage();
    const caught = catchDownloads();
    try {
      await press(page, 'mine', workout.id, 'export');
      await waitUntil(() => caught.downloads.length === 1, 'the file is handed to the browser');
    } finally {
      caught.restore();
    }
    const { fileName, blob } = caught.downloads[0]!;
    // The runner's text never reaches a file name: the date of the last change does.
    expect(fileName).to.match(/^stridewise-workout-\d{4}-\d\d-\d\d-\d{4}\.fit$/);
    const { workout: back } = decodeFitWorkout(new Uint8Array(await blob.arrayBuffer()));
    expect(back.name).to.equal('Hill <b>day</b>');
    expect(back.items).to.deep.equal(workout.items);
    await waitUntil(() => words(page, '#outcomes') !== null);
    // Incline is not a FIT target: the file's notes carry it, and the page says so.
    expect(words(page, '#outcomes')).to.contain(encodeFitWorkout(workout).notes.join(' '));
  });

  it('imports FIT workout files among the runner’s own, and says why a file is not one', async () => {
    const page = await openPage();
    const good = new File([encodeFitWorkout(own('From my watch', 12)).bytes], 'watch.fit');
    const bad = new File([new Uint8Array([1, 2, 3, 4])], 'broken.fit');
    const input = q<HTMLInputElement>(page, '#import')!;
    const transfer = new DataTransfer();
    transfer.items.add(good);
    transfer.items.add(bad);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await waitUntil(() => q(page, '#outcomes') !== null, 'outcomes shown', { timeout: 5000 });
    const outcomes = [...page.shadowRoot!.querySelectorAll('#outcomes li')].map((li) => [li.className, li.textContent]);
    expect(outcomes[0]).to.deep.equal(['ok', 'watch.fit: Imported “From my watch”.']);
    expect(outcomes[1]![0]).to.equal('problem');
    expect(outcomes[1]![1]).to.match(/^broken\.fit: \S/);
    expect(names(page, 'mine')).to.deep.equal(['From my watch']);
    expect((await loadWorkouts()).workouts[0]!.origin).to.equal('imported');
  });

  it('Start hands the workout to the runner and opens the treadmill screen', async () => {
    const workout = own('Steady twenty');
    await saveWorkout(workout);
    const page = await openPage();
    let went: string | null = null;
    const onGo = (e: Event) => { went = (e as CustomEvent<{ pathname: string }>).detail.pathname; };
    window.addEventListener('vaadin-router-go', onGo);
    try {
      await press(page, 'mine', workout.id, 'start');
      await waitUntil(() => went !== null, 'the treadmill screen opens', { timeout: 5000 });
    } finally {
      window.removeEventListener('vaadin-router-go', onGo);
    }
    expect(went).to.equal('/treadmill');
    expect(services.workouts.view.workout?.id).to.equal(workout.id);
    expect(services.workouts.view.phase).to.not.equal('idle');
    await page.updateComplete;
    // A workout under way: the page leads back to it, and offers no second Start.
    expect(words(page, '#running-heading')).to.equal('Running now: Steady twenty');
    expect(list(page, 'mine')!.actions).to.not.include('start');
    // And its Stop, for a runner who left the treadmill screen.
    q<HTMLButtonElement>(page, '#running-stop')!.click();
    await waitUntil(() => services.workouts.view.phase === 'finished', 'stopped from here', { timeout: 5000 });
    await page.updateComplete;
    expect(q(page, '#running')).to.equal(null);
  });

  it('a workout that cannot run stays on the page and says why', async () => {
    // An imported cycling workout, say: 40 km/h is no running speed.
    const fast: Workout = { ...own('Bike intervals', 40), origin: 'imported' };
    await saveWorkout(fast);
    const page = await openPage();
    const went: string[] = [];
    const onGo = (e: Event) => { went.push((e as CustomEvent<{ pathname: string }>).detail.pathname); };
    window.addEventListener('vaadin-router-go', onGo);
    try {
      await press(page, 'mine', fast.id, 'start');
      await new Promise((r) => setTimeout(r, 300));
      await page.updateComplete;
    } finally {
      window.removeEventListener('vaadin-router-go', onGo);
    }
    expect(went, 'stayed on the Workouts page').to.deep.equal([]);
    expect(services.workouts.view.phase).to.equal('idle');
    expect(words(page, '#page-problem')).to.match(/^This workout cannot run: Step 1 .*the speed must be between/);
  });

  it('a workout that cannot run says its speed range in mph to a runner in miles', async () => {
    const fast: Workout = { ...own('Bike intervals', 40), origin: 'imported' };
    await saveWorkout(fast);
    const page = await openPage();
    await services.settings.update({ distanceUnit: 'mi' });
    await page.updateComplete;
    await press(page, 'mine', fast.id, 'start');
    await page.updateComplete;
    expect(words(page, '#page-problem')).to.match(/^This workout cannot run: Step 1 .*the speed must be between 0\.7 and 18\.6 mph\.$/);
  });
});
