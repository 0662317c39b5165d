import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { decodeFit } from '../../../src/export/fit-decode.js';
import { statedTotalsNotes } from '../../../src/session/stated-totals.js';
import { lapSplits } from '../../../src/export/lap-splits.js';
import type { RecordedSession, SessionMeta } from '../../../src/session/recorded-session.js';
import { SAMPLE_RUNNING } from '../../../src/session/recorded-session.js';
import { summarizeSamples } from '../../../src/session/session-summary.js';
import { emptyColumns } from '../../../src/session/recorded-columns.js';
import { defaultCadenceZones } from '../../../src/session/zones.js';
import { storedImport } from '../../support/stored-import.js';
import { watchFileVariant, watchRunFit, watchRunSpec } from '../../support/generated-watch-runs.js';
import { restoredOnce } from './restore-rig.js';

const KEYS = ['movingS', 'elapsedS', 'distanceM', 'avgSpeedMps', 'avgCadence', 'zoneTimes', 'sampleCount', 'laps', 'gaps', 'sport', 'treadmill', 'deviceName', 'statedTotals'] as const;
const diffs: Record<string, number> = {};
let shown = 0;
function compare(label: string, a: SessionMeta, b: SessionMeta) {
  for (const k of KEYS) {
    const x = JSON.stringify((a as any)[k]);
    const y = JSON.stringify((b as any)[k]);
    if (x !== y) {
      diffs[label + ':' + k] = (diffs[label + ':' + k] ?? 0) + 1;
      if (shown++ < 40) console.log(label, k, x?.slice(0, 300), '→', y?.slice(0, 300));
    }
  }
  const na = a.statedTotals ? statedTotalsNotes(a.statedTotals) : [];
  const nb = b.statedTotals ? statedTotalsNotes(b.statedTotals) : [];
  if (JSON.stringify(na) !== JSON.stringify(nb)) { diffs[label + ':notes'] = (diffs[label + ':notes'] ?? 0) + 1; if (shown++ < 40) console.log(label, 'notes', na, '→', nb); }
}

function jittered(steps: number[], cadences: number[], hr: boolean, power: boolean, treadmill: boolean): RecordedSession {
  const n = steps.length + 1;
  const s = emptyColumns(n);
  let t = 0, d = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0) { t += steps[i - 1]!; d += 3 * steps[i - 1]!; }
    s.t[i] = t; s.speedMps[i] = 3; s.cadence[i] = cadences[i % cadences.length]!; s.strideLengthM[i] = 180 / s.cadence[i]!;
    s.distanceM[i] = d; s.flags[i] = SAMPLE_RUNNING;
    s.heartRate[i] = hr ? 140 + (i % 7) : NaN; s.powerW[i] = power ? 250 + (i % 11) : NaN;
  }
  const zones = defaultCadenceZones;
  return { meta: { id: 'jit', startedAt: Date.UTC(2026, 3, 1, 7, 0, 0, 300), name: 'J', notes: '', deviceName: 'Pod', origin: 'bluetooth', status: 'complete', sport: 'run', treadmill,
    ...summarizeSamples(s, zones, []), zones: { ...zones }, laps: [], gaps: [], schemaVersion: 9, changedAt: Date.UTC(2026, 3, 1, 9) } as SessionMeta, samples: s };
}

describe('explore', () => {
  it('watch runs', async function () {
    this.timeout(300000);
    await fc.assert(fc.asyncProperty(watchRunSpec, watchFileVariant, fc.constantFrom('every-second', 'smart' as const), async (spec, variant, sampling) => {
      const original = storedImport(decodeFit(watchRunFit(spec, sampling as any, variant)));
      const o = { ...original, meta: { ...original.meta, changedAt: Date.UTC(2026, 1, 1) } };
      const back = await restoredOnce(o);
      compare('watch', o.meta, back);
      const la = lapSplits(o).map((l) => [l.distanceM.toFixed(1), l.timerS.toFixed(1)]);
      const lb = lapSplits({ meta: back, samples: o.samples }).length;
      if (la.length !== lb) console.log('laps count', la.length, lb);
    }), { numRuns: 25 });
    console.log(JSON.stringify(diffs));
  });
  it('jittered', async function () {
    this.timeout(300000);
    await fc.assert(fc.asyncProperty(fc.array(fc.double({ min: 0.6, max: 1.4, noNaN: true }), { minLength: 30, maxLength: 300 }), fc.array(fc.integer({ min: 150, max: 190 }), { minLength: 1, maxLength: 9 }), fc.boolean(), fc.boolean(), fc.boolean(), async (steps, cad, hr, pw, tm) => {
      const o = jittered(steps, cad, hr, pw, tm);
      const back = await restoredOnce(o);
      compare('jit', o.meta, back);
    }), { numRuns: 25 });
    console.log(JSON.stringify(diffs));
    expect(1).to.equal(1);
  });
});
