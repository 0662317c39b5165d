// What the finish card shows of a run just saved: its totals, and its cadence at matched pace
// against the runner's last runs at that pace. The matching is the cadence plan's own (one speed
// band, the band where the run spent most of its running, at least a minute in it), so the card
// and the plan never disagree about which runs were "at the same pace". Band 0 (under 0.5 m/s)
// is no pace at all (units.ts shows none there): a pod that sends no speed puts every running
// second in it, and such a run is said to have no pace rather than matched "at –:––".

import { RUNS_TO_JUDGE, cadenceAt, paceLabel, secondsIn, usualBand } from '../coach/cadence-plan.js';
import type { SessionSummary } from '../session/recorded-session.js';
import type { DistanceUnit } from '../session/units.js';
import { runningTargetShare } from '../session/running-time-in-zone.js';
import { MIN_BAND_SECONDS } from '../session/weekly-trends.js';
import type { CadenceZones } from '../session/zones.js';

export type MatchedPaceChange =
  /** The run has under a minute at any one pace: nothing to match. */
  | { kind: 'too-short'; sentence: string }
  /** A minute or more moving, but no running second with a cadence (no cadence sent, or all walking). */
  | { kind: 'no-cadence'; sentence: string }
  /** A minute or more of running cadence, but without speed: no pace to match at. */
  | { kind: 'no-pace'; sentence: string }
  /** No earlier run has a minute at this run's pace. */
  | { kind: 'first'; pace: string; cadence: number; sentence: string }
  | { kind: 'compared'; pace: string; cadence: number; before: number; runs: number; change: number; sentence: string };

export interface FinishFigures {
  id: string;
  movingS: number;
  distanceM: number;
  /** Over the moving time; 0 without distance. */
  avgSpeedMps: number;
  /** Over running seconds with a cadence; null without. */
  avgCadence: number | null;
  /** Running seconds in the target zone the run was recorded with, as its page and History count them. */
  targetS: number;
  zones: CadenceZones;
  matched: MatchedPaceChange;
}

const spm = (cadence: number): number => Math.round(cadence);

/** The speed band under 0.5 m/s, where no pace is shown. */
const NO_PACE_BAND = 0;

/** The run with only its running at a pace, for finding its usual band. */
function atSomePace(run: SessionSummary): SessionSummary {
  const { [NO_PACE_BAND]: _none, ...paced } = run.cadenceBySpeedBand;
  return { ...run, cadenceBySpeedBand: paced };
}

function changeWords(change: number): string {
  if (change === 0) return 'the same as';
  const steps = Math.abs(change) === 1 ? 'step/min' : 'steps/min';
  return `${Math.abs(change)} ${steps} ${change > 0 ? 'quicker than' : 'slower than'}`;
}

/** The run against the runner's last runs (before it) at its pace; walks are left out, as the plan does. */
export function matchedPaceChange(run: SessionSummary, sessions: readonly SessionSummary[], unit: DistanceUnit): MatchedPaceChange {
  const band = usualBand([atSomePace(run)]);
  if (band === null || secondsIn(run, band) < MIN_BAND_SECONDS) {
    if (secondsIn(run, NO_PACE_BAND) >= MIN_BAND_SECONDS) {
      return { kind: 'no-pace', sentence: 'No pace recorded in this run, so its cadence cannot be compared at matched pace.' };
    }
    if (Object.keys(run.cadenceBySpeedBand).length === 0 && run.movingS >= MIN_BAND_SECONDS) {
      return { kind: 'no-cadence', sentence: 'No running cadence recorded in this run, so there is nothing to compare at matched pace.' };
    }
    return { kind: 'too-short', sentence: 'Under a minute at any one pace: too short to compare your cadence at matched pace.' };
  }
  const pace = paceLabel(band, unit);
  const cadence = spm(cadenceAt([run], band));
  const earlier = sessions
    .filter((s) => s.id !== run.id && s.sport !== 'walk' && s.startedAt < run.startedAt && secondsIn(s, band) >= MIN_BAND_SECONDS)
    .sort((a, b) => a.startedAt - b.startedAt)
    .slice(-RUNS_TO_JUDGE);
  if (earlier.length === 0) {
    return { kind: 'first', pace, cadence, sentence: `${cadence} steps/min at ${pace}. No earlier runs at this pace yet: the next one will be compared with this.` };
  }
  const before = spm(cadenceAt(earlier, band));
  const change = cadence - before;
  const runs = earlier.length === 1 ? 'your last run' : `your last ${earlier.length} runs`;
  return {
    kind: 'compared',
    pace,
    cadence,
    before,
    runs: earlier.length,
    change,
    sentence: `${cadence} steps/min at ${pace}: ${changeWords(change)} ${runs} at this pace (${before}).`,
  };
}

export function finishFigures(run: SessionSummary, sessions: readonly SessionSummary[], unit: DistanceUnit): FinishFigures {
  return {
    id: run.id,
    movingS: run.movingS,
    distanceM: run.distanceM,
    avgSpeedMps: run.movingS > 0 ? run.distanceM / run.movingS : 0,
    avgCadence: run.avgCadence > 0 ? run.avgCadence : null,
    targetS: runningTargetShare([run], run.zones).targetS,
    zones: { ...run.zones },
    matched: matchedPaceChange(run, sessions, unit),
  };
}
