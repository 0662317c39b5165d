import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/components/stride-metronome-button.js';
import type { StrideMetronomeButton } from '../../src/components/stride-metronome-button.js';
import { appTheme } from '../support/app-theme.js';

const words = (element: Element): string => element.textContent!.replace(/\s+/g, ' ').trim();

describe('stride-metronome-button', () => {
  before(() => appTheme);
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('says whether it plays and at what rate, and asks for a toggle when clicked', async () => {
    const el = await fixture<StrideMetronomeButton>(html`<stride-metronome-button .rateSpm=${172.4}></stride-metronome-button>`);
    const button = el.shadowRoot!.querySelector('#metronome')!;
    expect(words(button)).to.equal('Metronome off · 172 M');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    const events: Event[] = [];
    document.addEventListener('toggle-metronome', (event) => events.push(event), { once: true });
    (button as HTMLButtonElement).click();
    expect(events).to.have.length(1);
    expect(events[0]!.composed, 'reaches the page through shadow roots').to.equal(true);
    el.on = true;
    await el.updateComplete;
    expect(words(button)).to.equal('Metronome on · 172 M');
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('asks for a slower or faster rate in one press: − and +, or the left and right arrow keys', async () => {
    const el = await fixture<StrideMetronomeButton>(html`<stride-metronome-button .rateSpm=${166}></stride-metronome-button>`);
    const asked: number[] = [];
    const listen = (event: Event) => asked.push((event as CustomEvent<number>).detail);
    document.addEventListener('nudge-metronome', listen);
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('#slower')!.click();
      el.shadowRoot!.querySelector<HTMLButtonElement>('#faster')!.click();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowLeft' });
      expect(asked).to.deep.equal([-1, 1, 1, -1]);
    } finally {
      document.removeEventListener('nudge-metronome', listen);
    }
    for (const id of ['slower', 'faster']) {
      const box = el.shadowRoot!.querySelector(`#${id}`)!.getBoundingClientRect();
      expect(Math.min(box.width, box.height), `${id} is a 44 px target`).to.be.at.least(44);
    }
  });

  it('driven by a program session: says so with its state and rate, and offers nothing to press', async () => {
    const el = await fixture<StrideMetronomeButton>(html`<stride-metronome-button program .rateSpm=${172}></stride-metronome-button>`);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('#metronome')!;
    expect(words(button)).to.equal('Program metronome · off · 172');
    expect(button.disabled).to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('.step')).to.have.length(0);
    const asked: Event[] = [];
    const listen = (event: Event) => asked.push(event);
    document.addEventListener('nudge-metronome', listen);
    try {
      el.focus();
      await sendKeys({ press: 'ArrowRight' });
      expect(asked, 'no −/+ by the arrow keys').to.have.length(0);
    } finally {
      document.removeEventListener('nudge-metronome', listen);
    }
    el.on = true;
    await el.updateComplete;
    expect(words(el.shadowRoot!.querySelector('#metronome')!)).to.equal('Program metronome · on · 172');
    expect(el.shadowRoot!.querySelector('#metronome')!.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('pulses its dot on the metronome’s own beats, and keeps it still for reduced motion', async () => {
    const beat = { atMs: performance.now() + 40, intervalMs: (60 / 166) * 1000 };
    const el = await fixture<StrideMetronomeButton>(html`<stride-metronome-button on .rateSpm=${166} .beat=${beat}></stride-metronome-button>`);
    const dot = el.shadowRoot!.querySelector('.dot')!;
    const [pulse] = dot.getAnimations();
    expect(pulse, 'a pulse while it plays').to.not.equal(undefined);
    expect(pulse!.effect!.getTiming().duration).to.be.closeTo(beat.intervalMs, 1e-9);
    expect(pulse!.startTime, 'starts on a beat').to.be.closeTo(beat.atMs, 1e-6);
    // The same grid seen a beat later leaves the pulse alone; a new rate starts it on the new grid.
    el.beat = { atMs: beat.atMs + beat.intervalMs, intervalMs: beat.intervalMs };
    await el.updateComplete;
    expect(dot.getAnimations()[0]).to.equal(pulse);
    el.beat = { atMs: beat.atMs + 1000, intervalMs: (60 / 168) * 1000 };
    await el.updateComplete;
    expect(dot.getAnimations()[0]!.effect!.getTiming().duration).to.be.closeTo((60 / 168) * 1000, 1e-9);
    el.on = false;
    await el.updateComplete;
    expect(dot.getAnimations(), 'still when off').to.deep.equal([]);

    await emulateMedia({ reducedMotion: 'reduce' });
    el.on = true;
    await el.updateComplete;
    expect(dot.getAnimations(), 'still for reduced motion').to.deep.equal([]);
    expect(getComputedStyle(dot).backgroundColor, 'lit while on').to.not.equal('rgba(0, 0, 0, 0)');
  });
});
