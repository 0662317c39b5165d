// rv-ui repro: Start on the Workouts page for a workout the runner cannot run.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import '../../../src/pages/stride-workouts-page.js';
import type { StrideWorkoutsPage } from '../../../src/pages/stride-workouts-page.js';
import type { StrideWorkoutList } from '../../../src/components/stride-workout-list.js';
import { type AppServices, createServices } from '../../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../../src/store/kv.js';
import { saveWorkout } from '../../../src/store/workout-store.js';
import type { Workout } from '../../../src/workout/workout-types.js';
import { fakeCoachEngine } from '../../support/fake-coach-engine.js';

useSeparateDatabase('stride-test-rv-ui-workouts-start');

let services: AppServices;

describe('rv-ui: Start on the Workouts page', () => {
  beforeEach(() => clear(kvStore()));

  // An imported FIT workout (a cycling one, say) asks 40 km/h. Start is offered; the runner
  // refuses it ("This workout cannot run: Step 1: the speed must be between 1 and 30 km/h."), but
  // the page goes to the treadmill screen anyway, where the strip shows nothing for an idle
  // workout: the reason is said nowhere, and the runner stands on the belt waiting for a workout
  // that never started.
  it('a workout that cannot run stays on the page and says why', async () => {
    const fast: Workout = {
      id: 'fast', name: 'Bike intervals', origin: 'imported', updatedAt: Date.now(),
      items: [{ kind: 'step', name: 'Hard', intensity: 'active', length: { kind: 'time', seconds: 300 }, speedKmh: 40, inclinePercent: null, cadence: null }],
    };
    expect(await saveWorkout(fast)).to.equal(null);
    services = createServices({}, {}, async () => fakeCoachEngine());
    await services.settings.load();
    const page = await fixture<StrideWorkoutsPage>(html`<stride-workouts-page .services=${services}></stride-workouts-page>`);
    await waitUntil(() => page.loaded, 'workouts read', { timeout: 5000 });
    await page.updateComplete;
    const list = page.shadowRoot!.querySelector<StrideWorkoutList>('stride-workout-list#mine')!;
    await list.updateComplete;
    const went: string[] = [];
    const onGo = (e: Event) => { went.push(String((e as CustomEvent<{ pathname: string }>).detail?.pathname)); };
    window.addEventListener('vaadin-router-go', onGo);
    try {
      list.shadowRoot!.querySelector<HTMLButtonElement>('#workout-fast [data-action="start"]')!.click();
      await new Promise((r) => setTimeout(r, 500));
      await page.updateComplete;
      expect(services.workouts.view.phase).to.equal('idle');
      expect(went, 'did not go to the treadmill screen').to.deep.equal([]);
      expect(page.shadowRoot!.textContent).to.contain('cannot run');
    } finally {
      window.removeEventListener('vaadin-router-go', onGo);
    }
  });
});
