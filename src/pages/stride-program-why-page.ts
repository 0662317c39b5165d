import { LitElement, css, html } from 'lit';
import { DEFAULT_TARGET_PERCENT, targetPercents } from '../program/program-types.js';
import { SESSIONS_PER_BLOCK, metronomeShare, sessionMinutes } from '../program/session-plan.js';
import { whyReferences } from './program-why-references.js';

/** "75 %" without a line break inside it. */
const percent = (share: number): string => `${Math.round(share * 100)}\u00a0%`;

/**
 * "Why this works": what the gait-retraining studies found and did not find, and why each part of
 * the program is the way it is, in a runner's words, with the sources as plain text (nothing is
 * fetched). The session list is drawn from the program's own plan, so the page and the schedule
 * cannot tell different stories.
 */
export class StrideProgramWhyPage extends LitElement {
  static override styles = css`
    :host { display: block; padding: 1rem; max-width: 46rem; line-height: 1.5; }
    h1 { margin: 0 0 0.5rem; }
    h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; }
    h3 { font-size: 1.05rem; margin: 1.25rem 0 0.25rem; }
    p, ul, ol { margin: 0.5rem 0; }
    li + li { margin-top: 0.4rem; }
    a { color: var(--link); }
    a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .back { display: inline-flex; align-items: center; min-height: 44px; }
    .limits { background: var(--surface); border: 1px solid var(--divider); border-left: 4px solid var(--warn-text); border-radius: 8px; padding: 0.25rem 1rem; }
    .limits h2 { margin-top: 1rem; }
    .rule { font-weight: 600; }
    .muted { color: var(--muted); }
    #references li { overflow-wrap: anywhere; }
    cite { font-style: italic; }
  `;

  override render() {
    return html`
      <p><a class="back" href="/program">← Program</a></p>
      <h1>Why this works</h1>
      <p>The program does what gait-retraining studies did: it measures your own cadence at a fixed speed, raises it a little,
        lets you practise with a metronome that gradually goes quiet, and then checks, with no help at all, whether the change stayed.
        Here is what those studies found, what they did not, and why each part of the program is built the way it is.</p>

      ${this.#findings()} ${this.#limits()} ${this.#yourNumber()} ${this.#parts()} ${this.#references()}

      <p><a class="back" href="/program">← Back to the program</a></p>
    `;
  }

  #findings() {
    return html`
      <section aria-labelledby="found">
        <h2 id="found">What the studies found</h2>
        <ul>
          <li><strong>Heiderscheit et al. 2011.</strong> 45 healthy recreational runners ran on a treadmill at a constant speed,
            at their own step rate and at 5&nbsp;% and 10&nbsp;% above and below it. At +5&nbsp;% the knee absorbed less energy with each step;
            at +10&nbsp;% the hip did too. Steps got shorter and the body moved up and down less.</li>
          <li><strong>Lenhart et al. 2014.</strong> 30 healthy adults ran at 90&nbsp;%, 100&nbsp;% and 110&nbsp;% of their own step rate.
            A computer model of the leg estimated that at 110&nbsp;% the peak force behind the kneecap was 14&nbsp;% lower.</li>
          <li><strong>Willy et al. 2016.</strong> 30 runners who landed with high impact forces were split into two groups.
            One group was cued by a wireless sensor to raise their step rate by 7.5&nbsp;% over eight sessions run outside the lab.
            They raised it by 8.6&nbsp;%, their loading rates fell by 18 to 19&nbsp;%, and the change was still there 30 days later.
            The group without feedback did not change.</li>
          <li><strong>Crowell and Davis.</strong> Ten runners with high shin shock practised on a treadmill while a screen showed
            the shock measured at the shin. They learnt to lower it (this study changed impact, not cadence): the shock fell by
            nearly half and loading rates by about 30&nbsp;%, and the change was still there a month later.</li>
          <li><strong>Davis et al. 2020</strong> reviewed retraining studies for runners with pain at the front of the knee. The
            biggest and most lasting gains came from programs with faded feedback: 8 to 18 sessions over 2 to 6 weeks, usually
            3 to 4 a week, with runs growing to 30 to 45 minutes in the later sessions. Programs with little practice and feedback
            that was either never given or never stopped did least. Several of the studies it describes used eight sessions over two weeks, running time growing
            from 15 to 30 minutes, feedback throughout the first four sessions and then faded. This is a comparison across studies,
            not a trial of fading against not fading.</li>
        </ul>
      </section>`;
  }

  #limits() {
    return html`
      <section aria-labelledby="limits" class="limits">
        <h2 id="limits">What they did not find</h2>
        <p class="rule" id="limitations">Higher step rates feel harder at first and cost a little more energy, and the evidence
          that they prevent injury is limited.</p>
        <p>A review of 37 studies (Anderson et al. 2022) found only very limited evidence on how hard it feels: a higher step rate
          raised perceived effort and awkwardness, and more energy was used. It found too little evidence to say whether changing
          step rate prevents injury or changes performance, and only very limited evidence that it eased pain in runners with knee pain.
          Even the energy cost is not settled: van Oeveren et al. 2017 found heart rate lowest at a stride rate a little above
          the runners' own. Most of the findings above are measurements in a lab, over minutes or weeks: a lower load on a joint
          is not the same as fewer injuries.</p>
      </section>`;
  }

  #yourNumber() {
    return html`
      <section aria-labelledby="yours">
        <h2 id="yours">Your number, not 170–180</h2>
        <p class="rule" id="no-fixed-cadence">The program never prescribes 170 or more steps per minute, whatever your pace:
          your target comes from your own cadence at the same speed.</p>
        <p>Every study above changed each runner's own step rate by a percentage, at one speed. Cadence also rises with speed:
          in one study, runners' own rate went from about 154 to 160 steps per minute between 90&nbsp;% and 110&nbsp;% of their chosen speed
          (van Oeveren et al. 2017). One number for everybody at every pace says little. You may have read that 170–180 steps per
          minute is the goal; the program shows that range beside your target as context only, never as the target.</p>
      </section>`;
  }

  #parts() {
    const sessions = Array.from({ length: SESSIONS_PER_BLOCK }, (_, i) => i + 1);
    const offered = targetPercents.map((p) => `${p}\u00a0%`);
    return html`
      <section aria-labelledby="parts">
        <h2 id="parts">Why the program is built this way</h2>

        <h3>A test at a fixed belt speed</h3>
        <p>Your cadence changes with speed, so a test only means something when it is run at the same speed every time. The
          treadmill holds the speed still, so the test you take today and the one you take in a month compare like with like.
          During a test there is no metronome, no cue and no cadence on the screen: it measures how you run on your own.
          Minutes where the speed was off by more than 3&nbsp;% are left out, and the result says so.</p>

        <h3>Small steps: +${DEFAULT_TARGET_PERCENT}&nbsp;% by default, never more than 10&nbsp;%</h3>
        <p>In Heiderscheit et al. 2011, 5&nbsp;% more steps was already enough to lower the load at the knee, and 10&nbsp;% also lowered it
          at the hip. The studies here asked for 5&nbsp;% to 10&nbsp;% (Willy et al. 2016 cued 7.5&nbsp;%), and a higher step rate felt more
          awkward in the studies Anderson et al. 2022 reviewed, so the program keeps each step small. You choose ${offered.slice(0, -1).join(', ')} or ${offered.at(-1)}; the program offers nothing larger. After a block that held, the next target
          is at most 5&nbsp;% above the last one.</p>

        <h3>Eight sessions, growing from 15 to 30 minutes, with a rest day between two</h3>
        <p>This follows the programs that Davis et al. 2020 found worked best, at their shorter end: eight sessions, three or four
          a week, running time growing from 15 to 30 minutes (some of those programs went on to 45). A day off between two sessions
          keeps it to three or four a week. A new rhythm is a skill you practise, a little longer each time; the minutes count only
          running at the target, not the warm-up or the cool-down.</p>
        <ol class="sessions">
          ${sessions.map((n) => html`<li>Session ${n}: ${sessionMinutes(n)} minutes, ${this.#metronome(metronomeShare(n))}</li>`)}
        </ol>

        <h3>The metronome fades</h3>
        <p>Feedback that is slowly taken away lets you learn to rely on your own sense of the rhythm (Davis 2011). In the studies
          Davis et al. 2020 compared, changes lasted best with faded feedback, and least with feedback that was continuous or absent.
          So the metronome plays
          throughout sessions 1 to 4, then for less each time, always on for the first minutes. While it is off, a short cue
          sounds only when your cadence over the last 30 seconds is more than 3&nbsp;% away from the target.</p>

        <h3>Tests at the end of the block, one week later and four weeks later</h3>
        <p>What you have learnt shows once the help is gone. Willy et al. 2016 and Crowell and Davis measured again about a month
          after the last session, without feedback. The program does the same test, cue-free at the same belt speed, at the end
          of the block, after one week (an early check of our own) and after four weeks. The change has held when your cadence is
          within 2&nbsp;% of the target, or above it.</p>

        <h3>How hard it felt</h3>
        <p>After each session you tap how hard it felt and how natural the rhythm felt. A higher step rate can feel harder
          (Anderson et al. 2022); if the effort at the same speed keeps rising, the program suggests repeating a session before moving on.</p>

        <h3>When to stop</h3>
        <ul>
          <li>Stop the session if something hurts: pain that builds while you run, makes you change how you run, or is still there the next day.</li>
          <li>Pause the program on the Program page if you are injured or ill; the dates move with you.</li>
          <li>For pain or an injury, see a physiotherapist or a doctor, and follow their advice over this program's.</li>
        </ul>
      </section>`;
  }

  #metronome(share: number) {
    if (share >= 1) return 'metronome throughout';
    if (share <= 0) return 'no metronome';
    return `metronome for ${percent(share)} of them`;
  }

  #references() {
    return html`
      <section aria-labelledby="sources">
        <h2 id="sources">References</h2>
        <p class="muted">As found when this page was written. Nothing here is a link; copy a DOI or PubMed Central number to look one up.</p>
        <ol id="references">
          ${whyReferences.map((r) => html`<li>${r.authors}${r.year ? ` (${r.year})` : ''}. <cite>${r.title}</cite>.
            ${r.journal ? `${r.journal}.` : 'Year and journal not confirmed for this page.'} ${r.identifier}.</li>`)}
        </ol>
      </section>`;
  }
}

customElements.define('stride-program-why-page', StrideProgramWhyPage);

declare global {
  interface HTMLElementTagNameMap {
    'stride-program-why-page': StrideProgramWhyPage;
  }
}
