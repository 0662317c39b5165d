// Both themes meet WCAG AA contrast (axe) on every route and on the components a route does not
// show by default; a disabled button looks disabled in both.
import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import type { LitElement, TemplateResult } from 'lit';
import { Router } from '@vaadin/router';
import { clear } from 'idb-keyval';
import type { StrideApp } from '../../src/app/stride-app.js';
import '../../src/components/stride-check-in.js';
import '../../src/components/stride-connection-panel.js';
import '../../src/components/stride-metric-tile.js';
import '../../src/components/stride-metronome-button.js';
import '../../src/components/stride-mute-button.js';
import '../../src/components/stride-recording-controls.js';
import '../../src/components/stride-recovery-prompt.js';
import '../../src/components/stride-undo-toast.js';
import '../../src/components/stride-zone-bar.js';
import { zoneColors } from '../../src/charts/zone-colors.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { saveSession } from '../../src/store/session-store.js';
import { themes, useTheme } from '../support/app-theme.js';
import { generatedSession } from '../support/generated-sessions.js';
import { deepQuery, mountWholeApp, routesToCheck } from '../support/route-checks.js';

useSeparateDatabase('stride-test-themes');

const DAY = 24 * 3600 * 1000;
const now = Date.now();
const tempo = generatedSession({ id: 'tempo', startedAt: now - 2 * DAY, minutes: 10, cadenceBase: 176, speed: 3.4, name: 'Tempo', laps: [300] });
const easy = generatedSession({ id: 'easy', startedAt: now - 8 * DAY, minutes: 12, cadenceBase: 166, speed: 2.9, name: 'Easy' });
/**
 * Several components in one <div>, each rendered. Not `fixture`: for a plain element it waits for
 * an animation frame, which a background tab never draws.
 */
async function together(template: TemplateResult): Promise<HTMLElement> {
  const el = fixtureSync<HTMLElement>(template);
  await Promise.all([...el.children].map((child) => (child as LitElement).updateComplete));
  return el;
}

const prompt = { id: 'quick-steps', title: 'Quick, light steps', text: 'Land under your hips, not in front of you.' };

describe('light and dark themes', () => {
  after(() => useTheme('dark'));

  describe('every route', () => {
    let app: StrideApp;
    let unmount: () => void;

    before(async () => {
      await clear(kvStore());
      await saveSession(easy);
      await saveSession(tempo);
      ({ app, unmount } = await mountWholeApp());
    });
    after(() => {
      unmount();
    });

    for (const route of routesToCheck) {
      it(`${route.path} meets AA contrast in both themes`, async () => {
        Router.go(route.path);
        await waitUntil(() => route.ready.every((selector) => deepQuery(app, selector) !== null), `${route.path} loaded`, { timeout: 5000 });
        for (const theme of themes) {
          await useTheme(theme);
          await expect(app, `${route.path}, ${theme}`).to.be.accessible();
        }
      });
    }
  });

  for (const theme of themes) {
    describe(`components, ${theme}`, () => {
      before(() => useTheme(theme));

      it('buttons, plain, primary, pressed and disabled', async () => {
        const el = await together(html`<div>
          <stride-connection-panel state="unavailable" bluetooth="unsupported"></stride-connection-panel>
          <stride-connection-panel state="idle"></stride-connection-panel>
          <stride-recording-controls state="recording" .canRecord=${true}></stride-recording-controls>
          <stride-mute-button .muted=${true}></stride-mute-button>
          <stride-metronome-button .on=${true} .rateSpm=${175}></stride-metronome-button>
          <stride-undo-toast message="Deleted Tempo"></stride-undo-toast>
        </div>`);
        await expect(el).to.be.accessible();
      });

      it('tiles, the zone bar, an unfinished run and a check-in', async () => {
        const el = await together(html`<div>
          <stride-metric-tile label="Cadence" value="176" unit="steps/min" detail="Target" .accent=${zoneColors.target}></stride-metric-tile>
          <stride-zone-bar .zoneTimes=${{ low: 60, building: 120, target: 600, high: 30 }}></stride-zone-bar>
          <stride-recovery-prompt .summary=${tempo.meta}></stride-recovery-prompt>
          <stride-check-in .prompt=${prompt}></stride-check-in>
        </div>`);
        await expect(el).to.be.accessible();
      });

      it('a disabled button looks disabled: grey even when it is the primary, dimmed, with a refusing cursor', async () => {
        const el = await together(html`<div><stride-connection-panel state="unavailable" bluetooth="unsupported"></stride-connection-panel>
          <stride-connection-panel state="idle"></stride-connection-panel></div>`);
        const [blocked, ready] = [...el.children].map((panel) => panel.shadowRoot!);
        const pair = getComputedStyle(blocked!.querySelector('#pair')!);
        const simulate = getComputedStyle(blocked!.querySelector('#simulate')!);
        expect(pair.cursor).to.equal('not-allowed');
        expect(Number(pair.opacity)).to.be.at.most(0.6);
        expect(simulate.cursor).to.equal('pointer');
        expect(Number(simulate.opacity)).to.equal(1);
        // "Pair footpod" is the primary (green) button, until there is no Bluetooth to pair with:
        // then it is grey like a plain button, and "Try without a footpod" is the green one.
        const plain = getComputedStyle(ready!.querySelector('#simulate')!);
        const green = getComputedStyle(ready!.querySelector('#pair')!);
        expect(pair.backgroundColor, 'grey as a plain button').to.equal(plain.backgroundColor);
        expect(simulate.backgroundColor, 'the main button').to.equal(green.backgroundColor);
      });
    });
  }
});
