// The encode worker against the page's writers: the bytes it hands back for a run are the run's
// single download (exportRunFile, the page's encoder) byte for byte, FIT and TCX, over generated
// runs with pauses, lost links, laps, walking, heart rate and power; a run that cannot be written
// is refused with the page's error (kind and words); where the worker cannot start or load, the
// page writes the run itself; and the worker is ended once its batch is done.

import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { encodeRunInWorker, stopEncodeWorker } from '../../src/export/encode-worker-client.js';
import { importedSession } from '../../src/export/imported-session.js';
import { readRunFile } from '../../src/export/read-run-file.js';
import { zipRuns } from '../../src/export/runs-zip.js';
import { exportRunFile } from '../../src/services/export-run.js';
import { type RecordedSession, SAMPLE_RUNNING, SAMPLE_STRIDE_DERIVED, type SessionGap, gapReasons } from '../../src/session/recorded-session.js';
import { emptyColumns } from '../../src/session/recorded-columns.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { noisyRun } from '../support/hour-runs.js';
import { invariantRuns } from '../support/invariant-runs.js';
import { RUN_WITH_TWO_PAUSES, watchActivity } from '../support/watch-files.js';
import { metaOf } from './session-fixture.js';
import { mulberry32 as random } from '../../src/sources/run-profile.js';

type Format = 'fit' | 'tcx';
const formats: Format[] = ['fit', 'tcx'];

const onPage = async (run: RecordedSession, format: Format): Promise<Uint8Array> =>
  new Uint8Array(await (await exportRunFile(run, format)).blob.arrayBuffer());

/** Equal bytes, or the first byte that differs named (chai's deep equal of a 1 MB array says little). */
function expectSameBytes(worker: Uint8Array, page: Uint8Array, what: string): void {
  let first = 0;
  while (first < Math.min(worker.length, page.length) && worker[first] === page[first]) first++;
  const same = first === worker.length && first === page.length;
  expect(same, `${what}: ${worker.length} bytes from the worker, ${page.length} on the page, first difference at ${first}`).to.equal(true);
}

async function expectSameFile(run: RecordedSession, what: string): Promise<void> {
  for (const format of formats) expectSameBytes(await encodeRunInWorker(run, format), await onPage(run, format), `${what} as ${format}`);
}


const runSpec = fc.record({
  seed: fc.integer({ min: 1, max: 0x7fffffff }),
  minutes: fc.double({ min: 0.05, max: 12, noNaN: true }),
  irregular: fc.boolean(),
  walk: fc.boolean(),
  treadmill: fc.option(fc.boolean(), { nil: undefined }),
  heartRate: fc.constantFrom('none', 'some', 'all'),
  power: fc.constantFrom('none', 'some', 'all'),
  laps: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }),
  gaps: fc.array(
    fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      lengthS: fc.integer({ min: 2, max: 120 }),
      reason: fc.constantFrom(...gapReasons),
      coveredM: fc.option(fc.double({ min: 0, max: 400, noNaN: true }), { nil: undefined }),
    }),
    { maxLength: 3 },
  ),
  name: fc.string({ unit: 'grapheme', maxLength: 24 }),
  notes: fc.string({ unit: 'grapheme', maxLength: 60 }),
  deviceName: fc.option(fc.string({ unit: 'grapheme', maxLength: 40 }), { nil: null }),
  startedAt: fc.integer({ min: Date.UTC(1990, 0, 2), max: Date.UTC(2099, 0, 1) }),
});
type RunSpec = typeof runSpec extends fc.Arbitrary<infer T> ? T : never;

/**
 * A run as a footpod (with a strap and a power meter, some of the time) records it: speed and
 * cadence wander, walking and derived stride come in stretches, time steps are 1 s or irregular,
 * pauses and lost links leave gaps, the runner pressed lap anywhere.
 */
function generatedRun(spec: RunSpec): RecordedSession {
  const next = random(spec.seed);
  const lastT = spec.minutes * 60;
  const gaps: SessionGap[] = [];
  for (const g of [...spec.gaps].sort((a, b) => a.at - b.at)) {
    const fromT = Math.max(g.at * lastT, (gaps.at(-1)?.toT ?? -1) + 1);
    if (fromT + g.lengthS >= lastT) continue;
    gaps.push({ fromT, toT: fromT + g.lengthS, reason: g.reason, ...(g.reason !== 'paused' && g.coveredM !== undefined ? { coveredM: g.coveredM } : {}) });
  }
  const times: number[] = [];
  for (let t = 0; t <= lastT; t += spec.irregular ? 0.3 + next() * 2.2 : 1) {
    if (!gaps.some((g) => t > g.fromT && t < g.toT)) times.push(t);
  }
  const samples = emptyColumns(times.length);
  let distance = 0;
  let walking = false;
  let derived = false;
  times.forEach((t, i) => {
    if (next() < 0.02) walking = !walking;
    if (next() < 0.02) derived = !derived;
    const speed = Math.max(0, (walking ? 1.4 : 3.2) + (next() - 0.5) * 0.8);
    const cadence = next() < 0.01 ? 0 : Math.round((walking ? 118 : 172) + (next() - 0.5) * 10) + (next() < 0.1 ? 0.5 : 0);
    if (i > 0) {
      const gap = gaps.find((g) => g.fromT < t && g.toT > times[i - 1]!);
      distance += gap ? (gap.coveredM ?? 0) : samples.speedMps[i - 1]! * (t - times[i - 1]!);
    }
    samples.t[i] = t;
    samples.speedMps[i] = speed;
    samples.cadence[i] = cadence;
    samples.strideLengthM[i] = cadence > 0 ? (speed * 60) / cadence + (derived ? 0 : (next() - 0.5) * 0.05) : 0;
    samples.distanceM[i] = distance;
    samples.flags[i] = (walking ? 0 : SAMPLE_RUNNING) | (derived ? SAMPLE_STRIDE_DERIVED : 0);
    if (spec.heartRate === 'all' || (spec.heartRate === 'some' && next() < 0.7)) samples.heartRate[i] = 120 + next() * 70;
    // Power as pods send it: mostly 150-400 W, now and then negative or past FIT's field.
    if (spec.power === 'all' || (spec.power === 'some' && next() < 0.7)) samples.powerW[i] = next() < 0.02 ? (next() < 0.5 ? -3 : 70_000) : 150 + next() * 250;
  });
  const meta = metaOf(samples, {
    id: `generated-${spec.seed}`,
    startedAt: spec.startedAt,
    name: spec.name,
    notes: spec.notes,
    deviceName: spec.deviceName,
    sport: spec.walk ? 'walk' : 'run',
    ...(spec.treadmill === undefined ? {} : { treadmill: spec.treadmill }),
    laps: spec.laps.map((f) => f * lastT).sort((a, b) => a - b),
    gaps,
    changedAt: spec.startedAt + Math.round(lastT * 1000) + 5000,
  });
  return { meta, samples };
}

/** Runs `work` with `Replacement` as the page's Worker, then puts the browser's back; the worker is ended either way. */
async function withWorker<T>(Replacement: unknown, work: () => Promise<T>): Promise<T> {
  const original = globalThis.Worker;
  stopEncodeWorker();
  (globalThis as { Worker: unknown }).Worker = Replacement;
  try {
    return await work();
  } finally {
    stopEncodeWorker();
    globalThis.Worker = original;
  }
}

/** The browser's own Worker, counting the workers started and ended. */
class CountedWorker extends Worker {
  static started: CountedWorker[] = [];
  ended = false;
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    CountedWorker.started.push(this);
  }
  override terminate(): void {
    this.ended = true;
    super.terminate();
  }
}

const START = Date.UTC(2026, 11, 7, 6, 30);

/** A worker file the browser cannot load: it is not JavaScript (as a cut-off download or a wrong file would be; no 404 in the test's log). */
const unloadable = URL.createObjectURL(new Blob(['export { (this is not a module'], { type: 'text/javascript' }));

afterEach(() => stopEncodeWorker());

describe('the encode worker writes the file the page writes', () => {
  it('for generated runs with pauses, lost links, laps, walking, heart rate and power, FIT and TCX', async function () {
    this.timeout(120_000);
    await fc.assert(
      fc.asyncProperty(runSpec, async (spec) => {
        const run = generatedRun(spec);
        await expectSameFile(run, `run ${JSON.stringify({ ...spec, name: undefined, notes: undefined })}`);
      }),
      { numRuns: invariantRuns(12) },
    );
  });

  it('for an hour-long run with a strap and power, and an imported watch run with its own totals', async function () {
    this.timeout(60_000);
    const hour = noisyRun('hour', START, 60, 3);
    for (let i = 0; i < hour.samples.t.length; i++) {
      hour.samples.heartRate[i] = 140 + (i % 23);
      hour.samples.powerW[i] = 240 + (i % 31);
    }
    await expectSameFile(hour, 'an hour-long run');
    const watch = watchActivity({ ...RUN_WITH_TWO_PAUSES, sampling: 'smart', seed: 5 });
    const imported = importedSession(await readRunFile(new File([watch.fit], 'watch.fit')), defaultCadenceZones, { id: 'watch', fileName: 'watch.fit' });
    expect(imported.meta.statedTotals, 'the watch run keeps its own totals').to.not.equal(undefined);
    await expectSameFile(imported, 'an imported watch run');
  });

  it('leaves the run it was given as it was (a copy goes to the worker, not its columns)', async () => {
    const run = noisyRun('kept', START, 3, 2);
    const before = run.samples.t.slice();
    await encodeRunInWorker(run, 'fit');
    expect(run.samples.t.length).to.equal(before.length);
    expect(run.samples.t).to.deep.equal(before);
  });
});

describe('a run the encoder cannot write', () => {
  const ok = noisyRun('ok', START, 2, 1);
  const damaged: [string, RecordedSession][] = [
    ['no samples', { meta: ok.meta, samples: emptyColumns(0) }],
    ['a start before 1990 (FIT only)', { ...ok, meta: { ...ok.meta, startedAt: Date.UTC(1985, 0, 1) } }],
    ['its columns gone', { meta: ok.meta, samples: {} } as RecordedSession],
    ['its gaps gone', { ...ok, meta: { ...ok.meta, gaps: undefined } } as unknown as RecordedSession],
  ];
  for (const [what, run] of damaged) {
    it(`is refused with the page's own error: ${what}`, async () => {
      for (const format of formats) {
        const page = await onPage(run, format).then(
          () => null,
          (error: Error) => error,
        );
        const worker = await encodeRunInWorker(run, format).then(
          () => null,
          (error: Error) => error,
        );
        if (page === null) {
          expect(worker, `${format}: the page writes it, so must the worker`).to.equal(null);
          continue;
        }
        expect(worker, `${format}: the worker refuses it too`).to.be.instanceOf(Error);
        expect([worker!.constructor.name, worker!.name, worker!.message], format).to.deep.equal([page.constructor.name, page.name, page.message]);
      }
    });
  }

  it('is left out of a zip and named with those words, while the others go', async () => {
    const broken = damaged[0]![1];
    const page = await onPage(broken, 'fit').catch((error: Error) => error.message);
    const zip = await zipRuns(
      [
        { title: 'Good run', load: async () => ok },
        { title: 'Empty run', load: async () => broken },
      ],
      'fit',
      { between: async () => {} },
    );
    expect(zip.count).to.equal(1);
    expect(zip.leftOut).to.deep.equal([{ title: 'Empty run', why: page }]);
  });
});

describe('where the worker cannot run, the page writes the run', () => {
  const run = noisyRun('fallback', START, 4, 7);

  it('a worker file that does not load: each run of the batch is written on the page, then the next batch tries the worker again', async function () {
    this.timeout(30_000);
    class Unloadable extends CountedWorker {
      constructor(_url: string | URL, options?: WorkerOptions) {
        super(unloadable, options);
      }
    }
    CountedWorker.started = [];
    await withWorker(Unloadable, async () => {
      // Two asked at once: both were waiting on the worker when it failed.
      const [fit, tcx] = await Promise.all([encodeRunInWorker(run, 'fit'), encodeRunInWorker(run, 'tcx')]);
      expectSameBytes(fit, await onPage(run, 'fit'), 'FIT written on the page');
      expectSameBytes(tcx, await onPage(run, 'tcx'), 'TCX written on the page');
      // The rest of the batch does not try again.
      expectSameBytes(await encodeRunInWorker(run, 'fit'), await onPage(run, 'fit'), 'a later run of the batch');
      expect(CountedWorker.started.length, 'one worker tried in the batch').to.equal(1);
      stopEncodeWorker();
      await encodeRunInWorker(run, 'fit');
      expect(CountedWorker.started.length, 'the next batch tries the worker again').to.equal(2);
    });
  });

  it('a worker the browser refuses to start, and a browser without workers', async () => {
    class Refused {
      constructor() {
        throw new DOMException('Refused by the page\'s policy', 'SecurityError');
      }
    }
    await withWorker(Refused, async () => expectSameBytes(await encodeRunInWorker(run, 'fit'), await onPage(run, 'fit'), 'refused'));
    await withWorker(undefined, async () => expectSameBytes(await encodeRunInWorker(run, 'tcx'), await onPage(run, 'tcx'), 'no workers'));
  });

  it('a zip made while the worker cannot load holds every run, as the single downloads', async function () {
    this.timeout(30_000);
    class Unloadable extends Worker {
      constructor(_url: string | URL, options?: WorkerOptions) {
        super(unloadable, options);
      }
    }
    const runs = [noisyRun('z1', START, 3, 1), noisyRun('z2', START + 86_400_000, 3, 2)];
    const zip = await withWorker(Unloadable, () => zipRuns(runs.map((r) => ({ title: r.meta.id, load: async () => r })), 'fit', { between: async () => {} }));
    expect([zip.count, zip.leftOut]).to.deep.equal([2, []]);
  });
});

describe('the worker ends with its batch', () => {
  it('a zip ends the worker it started, and a stop waits for a run still being written', async function () {
    this.timeout(30_000);
    CountedWorker.started = [];
    await withWorker(CountedWorker, async () => {
      const runs = [noisyRun('e1', START, 2, 1), noisyRun('e2', START + 86_400_000, 2, 2)];
      await zipRuns(runs.map((r) => ({ title: r.meta.id, load: async () => r })), 'fit', { between: async () => {} });
      expect(CountedWorker.started.map((w) => w.ended), 'the zip started one worker and ended it').to.deep.equal([true]);
      const writing = encodeRunInWorker(runs[0]!, 'tcx');
      stopEncodeWorker();
      expect(CountedWorker.started[1]!.ended, 'kept while a run is being written').to.equal(false);
      expectSameBytes(await writing, await onPage(runs[0]!, 'tcx'), 'the run written meanwhile');
      stopEncodeWorker();
      expect(CountedWorker.started[1]!.ended, 'ended once nothing waits on it').to.equal(true);
    });
  });
});
