// The two taps after a session: one on how hard it felt (1-10), one on how natural the rhythm
// felt (1-5); the second tap sends both, and a first tap can be changed before then.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/stride-program-answers.js';
import type { ProgramAnswersDetail, StrideProgramAnswers } from '../../src/components/stride-program-answers.js';
import { appTheme } from '../support/app-theme.js';

const tap = async (el: StrideProgramAnswers, scale: 'effort' | 'natural', value: number) => {
  el.shadowRoot!.querySelector<HTMLButtonElement>(`.${scale} button[data-value="${value}"]`)!.click();
  await el.updateComplete;
};

describe('stride-program-answers', () => {
  before(() => appTheme);

  it('offers 1-10 and 1-5 as large buttons in two named groups', async () => {
    const el = await fixture<StrideProgramAnswers>(html`<stride-program-answers .session=${5}></stride-program-answers>`);
    expect(el.shadowRoot!.querySelectorAll('.effort button')).to.have.length(10);
    expect(el.shadowRoot!.querySelectorAll('.natural button')).to.have.length(5);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.contain('Session 5 done');
    for (const button of el.shadowRoot!.querySelectorAll('button')) {
      const box = button.getBoundingClientRect();
      expect(box.height, 'a tap for a runner out of breath').to.be.at.least(56);
      expect(box.width).to.be.at.least(44);
    }
    await expect(el).to.be.accessible();
  });

  it('sends both answers on the second tap, with the first tap changed before it', async () => {
    const el = await fixture<StrideProgramAnswers>(html`<stride-program-answers .session=${2}></stride-program-answers>`);
    let sent = 0;
    el.addEventListener('program-answers', () => sent++);
    await tap(el, 'effort', 3);
    await tap(el, 'effort', 6);
    expect(sent, 'one question answered').to.equal(0);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('how natural');
    expect(el.shadowRoot!.querySelector('.effort button[data-value="6"]')!.getAttribute('aria-pressed')).to.equal('true');
    expect(el.shadowRoot!.querySelector('.effort button[data-value="3"]')!.getAttribute('aria-pressed')).to.equal('false');
    const event = oneEvent(el, 'program-answers');
    await tap(el, 'natural', 4);
    expect(((await event) as CustomEvent<ProgramAnswersDetail>).detail).to.deep.equal({ effort: 6, natural: 4 });
    expect(sent).to.equal(1);
  });

  it('takes the questions in either order', async () => {
    const el = await fixture<StrideProgramAnswers>(html`<stride-program-answers .session=${1}></stride-program-answers>`);
    const event = oneEvent(el, 'program-answers');
    await tap(el, 'natural', 1);
    await tap(el, 'effort', 10);
    expect(((await event) as CustomEvent<ProgramAnswersDetail>).detail).to.deep.equal({ effort: 10, natural: 1 });
  });
});
