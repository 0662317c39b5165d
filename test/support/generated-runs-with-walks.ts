// Runs made of spells for tests of what walking and pauses may change: running seconds (each
// with its cadence and speed), walking seconds (the pod says not running) and pauses, as the
// recorder writes them at 1 Hz. The summary is the app's own summarizeSamples, so the totals are
// what a recorded run of those samples holds. Also fast-check arbitraries that generate such runs
// and insert walks and pauses into them.

import fc from 'fast-check';
import { emptyColumns } from '../../src/session/recorded-columns.js';
import { type RecordedSession, SAMPLE_RUNNING, type SessionGap } from '../../src/session/recorded-session.js';
import { summarizeSamples } from '../../src/session/session-summary.js';
import type { CadenceZones } from '../../src/session/zones.js';
import { SCHEMA_VERSION } from '../../src/store/kv.js';

/** One second of running or walking: a sample. */
export interface Second {
  cadence: number;
  speedMps: number;
  running: boolean;
}

export type Spell =
  | { kind: 'run' | 'walk'; seconds: number; cadence: number; speedMps: number }
  | { kind: 'pause'; seconds: number };

/** A spell as its seconds; a pause is a marker the session builder turns into a gap. */
export type Moment = Second | { pauseS: number };

export function momentsOf(spells: readonly Spell[]): Moment[] {
  const moments: Moment[] = [];
  for (const spell of spells) {
    if (spell.kind === 'pause') moments.push({ pauseS: spell.seconds });
    else for (let i = 0; i < spell.seconds; i++) moments.push({ cadence: spell.cadence, speedMps: spell.speedMps, running: spell.kind === 'run' });
  }
  return moments;
}

export interface RunOptions {
  startedAt: number;
  /** The zones the run was recorded with. */
  zones: CadenceZones;
  id?: string;
}

/**
 * A recorded run of these moments: a sample a second; a pause pressed half a second after the
 * sample before it and resumed half a second before the sample after it (as the live recorder's
 * gap runs from press to press), so the step across it keeps its measured second.
 */
export function runOf(moments: readonly Moment[], options: RunOptions): RecordedSession {
  const seconds = moments.filter((m): m is Second => !('pauseS' in m));
  const samples = emptyColumns(seconds.length);
  const gaps: SessionGap[] = [];
  let t = 0;
  let i = 0;
  let distance = 0;
  let pendingPauseS = 0;
  for (const moment of moments) {
    if ('pauseS' in moment) {
      pendingPauseS += moment.pauseS;
      continue;
    }
    if (i > 0) {
      if (pendingPauseS > 0) gaps.push({ fromT: t + 0.5, toT: t + 0.5 + pendingPauseS, reason: 'paused' });
      t += 1 + pendingPauseS;
      distance += moment.speedMps;
    }
    pendingPauseS = 0;
    samples.t[i] = t;
    samples.speedMps[i] = moment.speedMps;
    samples.cadence[i] = moment.cadence;
    samples.strideLengthM[i] = moment.cadence > 0 ? (moment.speedMps * 60) / moment.cadence : 0;
    samples.distanceM[i] = distance;
    samples.flags[i] = moment.running ? SAMPLE_RUNNING : 0;
    i++;
  }
  return {
    meta: {
      id: options.id ?? `spells-${options.startedAt}`,
      startedAt: options.startedAt,
      name: '',
      notes: '',
      deviceName: 'Test footpod',
      origin: 'simulator',
      status: 'complete',
      ...summarizeSamples(samples, options.zones, gaps),
      zones: { ...options.zones },
      laps: [],
      gaps,
      schemaVersion: SCHEMA_VERSION,
    },
    samples,
  };
}

/** Whole-step zones as the settings and the plan make them. */
export const generatedZones: fc.Arbitrary<CadenceZones> = fc
  .record({ buildingFrom: fc.integer({ min: 140, max: 172 }), building: fc.integer({ min: 1, max: 12 }), target: fc.integer({ min: 1, max: 14 }) })
  .map(({ buildingFrom, building, target }) => ({ buildingFrom, targetFrom: buildingFrom + building, targetTo: buildingFrom + building + target }));

/** Running seconds: cadences in tenths (whole and fractional) at 150-195, speeds of 2.2-5.5 m/s. */
export const generatedRunningSeconds: fc.Arbitrary<Second[]> = fc
  .array(
    fc.record({
      seconds: fc.integer({ min: 1, max: 90 }),
      tenths: fc.integer({ min: 1500, max: 1950 }),
      whole: fc.boolean(),
      speedMps: fc.double({ min: 2.2, max: 5.5, noNaN: true }),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((spells) =>
    spells.flatMap(({ seconds, tenths, whole, speedMps }) =>
      Array.from({ length: seconds }, (_, i): Second => ({
        // Whole cadences sit on whole-step zone edges; the others fall between them.
        cadence: whole ? Math.round(tenths / 10) + (i % 3) - 1 : (tenths + (i % 7)) / 10,
        speedMps,
        running: true,
      })),
    ),
  );

/** A walk (the pod says not running, cadence 90-140, or none at all when standing) or a pause. */
export const generatedBreak: fc.Arbitrary<Spell> = fc.oneof(
  fc.record({
    kind: fc.constant('walk' as const),
    seconds: fc.integer({ min: 1, max: 400 }),
    cadence: fc.oneof(fc.integer({ min: 90, max: 140 }), fc.constant(0)),
    speedMps: fc.double({ min: 0, max: 2, noNaN: true }),
  }),
  fc.record({ kind: fc.constant('pause' as const), seconds: fc.integer({ min: 1, max: 900 }) }),
);

/**
 * The running seconds with breaks inserted after some of them, never before the first: the first
 * sample of a run owns no time, so a walk before it would give it a second it does not have alone.
 */
export function withBreaks(running: readonly Second[], breaks: readonly { after: number; spell: Spell }[]): Moment[] {
  const moments: Moment[] = [];
  running.forEach((second, i) => {
    moments.push(second);
    for (const b of breaks) if (b.after % running.length === i) moments.push(...momentsOf([b.spell]));
  });
  return moments;
}

export const generatedBreaks: fc.Arbitrary<{ after: number; spell: Spell }[]> = fc.array(
  fc.record({ after: fc.nat(), spell: generatedBreak }),
  { minLength: 1, maxLength: 6 },
);
