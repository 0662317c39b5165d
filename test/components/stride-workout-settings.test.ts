// Settings → Treadmill workouts: the maximums (empty: the treadmill's own, the speed capped at
// 20 km/h), hold-pace and send-early off unless chosen, the learned lag per treadmill; a box that
// cannot be read is said and changes nothing.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/stride-workout-settings.js';
import type { StrideWorkoutSettings, WorkoutSettingsChange, WorkoutSettingsShown } from '../../src/components/stride-workout-settings.js';
import { themes, useTheme } from '../support/app-theme.js';

const defaults: WorkoutSettingsShown = { maxSpeedKmh: null, maxInclinePercent: null, holdPace: false, sendEarly: false, lagS: {} };
const section = (settings: WorkoutSettingsShown, extra: Partial<StrideWorkoutSettings> = {}) =>
  fixture<StrideWorkoutSettings>(html`<stride-workout-settings .settings=${settings} unit=${extra.unit ?? 'km'}
    .defaultMaxSpeedKmh=${extra.defaultMaxSpeedKmh ?? 20} .defaultMaxInclinePercent=${extra.defaultMaxInclinePercent ?? 15}
    ?treadmillKnown=${extra.treadmillKnown ?? false} .treadmillNames=${extra.treadmillNames ?? {}}></stride-workout-settings>`);
const q = <T extends Element = HTMLInputElement>(el: StrideWorkoutSettings, selector: string) => el.shadowRoot!.querySelector<T & Element>(selector)!;
const words = (el: StrideWorkoutSettings, selector: string) => q(el, selector).textContent!.replace(/\s+/g, ' ').trim();

async function change(el: StrideWorkoutSettings, id: string, value: string): Promise<WorkoutSettingsChange | null> {
  let detail: WorkoutSettingsChange | null = null;
  el.addEventListener('workout-settings', (e) => { detail = (e as CustomEvent<WorkoutSettingsChange>).detail; }, { once: true });
  const input = q(el, `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
  return detail;
}

describe('stride-workout-settings', () => {
  // Settings' section links scroll to "Your data" below this section: were the section to grow when
  // its stored values arrive, the page would jump away from where the runner was taken.
  it('keeps its height while the stored settings are read, and takes no input meanwhile', async () => {
    const el = await fixture<StrideWorkoutSettings>(html`<stride-workout-settings .settings=${null}></stride-workout-settings>`);
    const reading = el.getBoundingClientRect().height;
    expect(words(el, '[role=status]')).to.equal('Reading the workout settings…');
    expect(q<HTMLElement>(el, '[aria-busy]').inert, 'nothing to press before the values are known').to.equal(true);
    el.settings = defaults;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=status]')).to.equal(null);
    expect(q<HTMLElement>(el, '[aria-busy]').inert).to.equal(false);
    expect(Math.abs(el.getBoundingClientRect().height - reading), 'the same height within a line').to.be.below(40);
  });

  it('starts with both options off and the treadmill’s maximums as the defaults', async () => {
    const el = await section(defaults, { defaultMaxSpeedKmh: 18, defaultMaxInclinePercent: 12, treadmillKnown: true });
    expect(q(el, '#hold-pace').checked).to.equal(false);
    expect(q(el, '#send-early').checked).to.equal(false);
    expect(q(el, '#max-speed').value).to.equal('');
    expect(q(el, '#max-speed').placeholder).to.equal('18.0');
    expect(words(el, '#max-speed-default')).to.equal("Empty: 18.0 km/h, this treadmill's maximum, never above 20.0 km/h.");
    expect(words(el, '#max-incline-default')).to.equal("Empty: 12 %, this treadmill's maximum.");
    expect(words(el, '#lags')).to.contain('No lag learned yet');
  });

  it('sends the maximums typed (mph to km/h), empty back to the default, and refuses what cannot be read', async () => {
    const el = await section(defaults, { unit: 'mi' });
    // Kept whole, not to a thousandth of a km/h, so it reads back as typed.
    expect((await change(el, 'max-speed', '10'))!.maxSpeedKmh).to.be.closeTo(16.09344, 1e-9);
    expect(await change(el, 'max-speed', '')).to.deep.equal({ maxSpeedKmh: null });
    expect(await change(el, 'max-incline', '8')).to.deep.equal({ maxInclinePercent: 8 });
    expect(await change(el, 'max-speed', 'fast')).to.equal(null);
    expect(words(el, '#workout-settings-problem')).to.contain('highest belt speed');
    expect(await change(el, 'max-incline', '45')).to.equal(null);
    expect(words(el, '#workout-settings-problem')).to.contain('0 to 30');
  });

  it('shows the saved highest speed as saved, never rounded above it', async () => {
    // 16.25 km/h as "16.3" would read above the maximum the belt is held to.
    expect(q(await section({ ...defaults, maxSpeedKmh: 16.25 }), '#max-speed').value).to.equal('16.25');
    // A treadmill's own maximum of 16.25 km/h is the default: said as it is too.
    const el = await section(defaults, { defaultMaxSpeedKmh: 16.25, treadmillKnown: true });
    expect(q(el, '#max-speed').placeholder).to.equal('16.25');
    expect(words(el, '#max-speed-default')).to.contain('Empty: 16.25 km/h');
  });

  it('turns hold-pace and send-early on and off', async () => {
    const el = await section(defaults);
    setTimeout(() => q(el, '#hold-pace').click());
    expect((await oneEvent(el, 'workout-settings')).detail).to.deep.equal({ holdPace: true });
    setTimeout(() => q(el, '#send-early').click());
    expect((await oneEvent(el, 'workout-settings')).detail).to.deep.equal({ sendEarly: true });
  });

  it('shows the learned lag of each treadmill, by name where it is known', async () => {
    const el = await section({ ...defaults, maxSpeedKmh: 16, lagS: { 'dev-1': 3.24, 'dev-2': 1.5 } }, { treadmillNames: { 'dev-1': 'Kitchen <b>belt</b>' } });
    expect(q(el, '#max-speed').value).to.equal('16.0');
    expect([...el.shadowRoot!.querySelectorAll('#lags li')].map((li) => li.textContent)).to.deep.equal(['Kitchen <b>belt</b>: 3.2 s', 'A treadmill: 1.5 s']);
  });

  it('meets AA in both themes', async () => {
    const el = await section({ ...defaults, lagS: { a: 2 } });
    await change(el, 'max-speed', 'x');
    for (const theme of themes) {
      await useTheme(theme);
      await expect(el).to.be.accessible();
    }
    await useTheme('dark');
  });
});
