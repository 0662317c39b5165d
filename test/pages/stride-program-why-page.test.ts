// "Why this works" as a runner reads it: every source named with its title and where to find it,
// the two sentences the issue asks to be said plainly, the eight sessions as the program plans
// them, nothing fetched from elsewhere, and readable (axe, no sideways scroll, 44 px links) in
// both themes at a desktop and a 360 px phone width.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/pages/stride-program-why-page.js';
import type { StrideProgramWhyPage } from '../../src/pages/stride-program-why-page.js';
import { themes, useTheme } from '../support/app-theme.js';
import { targetsTooSmall } from '../support/route-checks.js';

/** The page's words with every run of spaces (no-break ones too) as one space. */
const words = (el: Element | ShadowRoot): string => (el.textContent ?? '').replace(/\s+/g, ' ');

const page = () => fixture<StrideProgramWhyPage>(html`<stride-program-why-page></stride-program-why-page>`);

/** Each source as looked up for the page: who, the title, and a number to find it by. */
const sources = [
  { who: 'Heiderscheit BC', title: 'Effects of step rate manipulation on joint mechanics during running', find: '10.1249/MSS.0b013e3181ebedf4' },
  { who: 'Lenhart', title: 'Increasing running step rate reduces patellofemoral joint forces', find: '10.1249/MSS.0b013e3182a78c3a' },
  { who: 'Willy', title: 'In-field gait retraining and mobile monitoring to address running biomechanics associated with tibial stress fracture', find: '10.1111/sms.12413' },
  { who: 'Crowell', title: 'Gait retraining to reduce lower extremity loading in runners', find: 'PMC3014399' },
  { who: 'Davis IS', title: 'Gait retraining as an intervention for patellofemoral pain', find: 'PMC7083994' },
  { who: 'Davis I', title: 'Gait retraining: altering the fingerprint of gait', find: '10.1186/1757-1146-4-S1-A5' },
  { who: 'Anderson LM', title: 'What is the effect of changing running step rate on injury, performance and biomechanics?', find: '10.1186/s40798-022-00504-0' },
  { who: 'van Oeveren BT', title: 'Optimal stride frequencies in running at different speeds', find: '10.1371/journal.pone.0184273' },
];

describe('stride-program-why-page', () => {
  it('lists every source with its authors, title and where to find it, one list item each', async () => {
    const el = await page();
    const items = [...el.shadowRoot!.querySelectorAll('#references li')].map(words);
    expect(items).to.have.length(sources.length);
    for (const source of sources) {
      const item = items.find((text) => text.includes(source.title));
      expect(item, source.title).to.be.a('string');
      expect(item).to.include(source.who);
      expect(item).to.include(source.find);
    }
  });

  it('says plainly what the evidence does not show, and that the target is the runner’s own', async () => {
    const el = await page();
    const text = words(el.shadowRoot!);
    expect(text).to.include('Higher step rates feel harder at first and cost a little more energy, and the evidence that they prevent injury is limited.');
    expect(text).to.include('The program never prescribes 170 or more steps per minute, whatever your pace: your target comes from your own cadence at the same speed.');
    expect(text).to.include('as context only, never as the target');
  });

  it('describes the eight sessions as the program plans them: 15 to 30 minutes, the metronome fading over the last four', async () => {
    const el = await page();
    const sessions = [...el.shadowRoot!.querySelectorAll('ol.sessions li')].map((li) => words(li).trim());
    expect(sessions).to.deep.equal([
      'Session 1: 15 minutes, metronome throughout',
      'Session 2: 17 minutes, metronome throughout',
      'Session 3: 18 minutes, metronome throughout',
      'Session 4: 20 minutes, metronome throughout',
      'Session 5: 22 minutes, metronome for 75 % of them',
      'Session 6: 25 minutes, metronome for 50 % of them',
      'Session 7: 27 minutes, metronome for 25 % of them',
      'Session 8: 30 minutes, no metronome',
    ]);
    expect(words(el.shadowRoot!)).to.include('You choose 5 %, 7.5 % or 10 %; the program offers nothing larger.');
  });

  it('fetches nothing and runs nothing of its own: links stay in the app, the way back is to /program', async () => {
    const el = await page();
    const root = el.shadowRoot!;
    const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs.length).to.be.greaterThan(0);
    expect(hrefs.every((href) => href === '/program')).to.equal(true);
    expect(root.querySelectorAll('script, img, iframe, link, object, embed, video, audio, source').length).to.equal(0);
    expect(root.querySelector('h1')!.textContent).to.equal('Why this works');
  });

  describe('readable', () => {
    after(() => Promise.all([setViewport({ width: 800, height: 600 }), useTheme('dark')]));

    for (const width of [1280, 360]) {
      for (const theme of themes) {
        it(`meets AA contrast and WCAG at ${width} px, ${theme}`, async () => {
          await setViewport({ width, height: 800 });
          await useTheme(theme);
          const el = await page();
          await expect(el).to.be.accessible();
          expect(el.scrollWidth, 'no sideways scroll').to.be.at.most(width);
          expect(document.documentElement.scrollWidth, 'no sideways scroll on the page').to.be.at.most(width);
          expect(targetsTooSmall(el)).to.deep.equal([]);
        });
      }
    }
  });
});
