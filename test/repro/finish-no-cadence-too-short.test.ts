// Issue 17's finish card, for a run with no running cadence: 30 min at a steady 3 m/s
// (5.40 km) from a pod that sent no cadence (or flagged the whole run "walking"), so the summary
// has movingS 1800 and no cadence by speed band. matchedPaceChange reads "no band" as "too short"
// and the card tells the runner "Under a minute at any one pace: too short to compare your cadence
// at matched pace." beside "Moving time 30:00". The run spent 30 minutes at one pace; what is
// missing is cadence. Expected: a sentence that does not say the run was under a minute at any one
// pace (it was 30 min at 5:33/km). Actual: it does.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stride-finish-card.js';
import { finishFigures } from '../../src/services/finish-figures.js';
import { summary } from '../support/session-summaries.js';

describe('repro: finish card for a 30 min run with no running cadence', () => {
  it('does not call 30 min at one pace "under a minute at any one pace"', async () => {
    const run = summary(new Date(2026, 10, 20).getTime(), { movingS: 1800, elapsedS: 1800, distanceM: 5400, avgSpeedMps: 3, avgCadence: 0, bands: [] });
    const figures = finishFigures(run, [run], 'km');
    const card = await fixture(html`<stride-finish-card .figures=${figures} unit="km"></stride-finish-card>`);
    const text = (sel: string) => card.shadowRoot!.querySelector(sel)!.textContent!.replace(/\s+/g, ' ').trim();
    expect(text('#moving dd')).to.equal('30:00');
    expect(text('#pace dd')).to.equal('5:33 min/km');
    expect(text('#matched')).not.to.contain('Under a minute at any one pace');
  });
});
