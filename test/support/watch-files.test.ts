// The watch files themselves (test/support/watch-files.ts), before any importer is held to them
// (test/export/watch-files.test.ts): the FIT must be a file Garmin's decoder accepts, smart
// recording must look like a watch's, the session message must say what happened, and the TCX
// must be the same activity.

import { expect } from '@open-wc/testing';
import type { RecordMesg } from '@garmin/fitsdk';
import {
  RUN_WITH_TWO_PAUSES,
  SMART_MAX_STEP_S,
  type WatchActivity,
  type WatchActivityOptions,
  type WatchSampling,
  readFitSessionTotals,
  readWatchFit,
  watchActivity,
} from './watch-files.js';

const { durationS: RUN_S, pauses: PAUSES } = RUN_WITH_TWO_PAUSES;
const TIMER_S = RUN_S - PAUSES.reduce((sum, p) => sum + p.lengthS, 0);
const SAMPLINGS: WatchSampling[] = ['every-second', 'smart'];

const made = new Map<string, WatchActivity>();
/** Each activity made once per file, however many tests read it. */
function activity(options: Partial<WatchActivityOptions> & { sampling: WatchSampling }): WatchActivity {
  const full: WatchActivityOptions = { ...RUN_WITH_TWO_PAUSES, ...options };
  const key = JSON.stringify(full);
  if (!made.has(key)) made.set(key, watchActivity(full));
  return made.get(key)!;
}

const secondsOf = (record: RecordMesg, startedAt: number): number => ((record.timestamp as Date).getTime() - startedAt) / 1000;
const inPause = (s: number): boolean => PAUSES.some((p) => s > p.atS && s < p.atS + p.lengthS);
const tcxDocument = (text: string): Document => new DOMParser().parseFromString(text, 'application/xml');
const elements = (root: Document | Element, name: string): Element[] => Array.from(root.getElementsByTagNameNS('*', name));

describe('watch files: the FIT a watch writes', () => {
  for (const sampling of SAMPLINGS) {
    it(`${sampling}: decodes with Garmin's SDK, checksums whole, no errors, made by a Garmin watch`, () => {
      const { fit } = activity({ sampling });
      const { integrity, errors, messages } = readWatchFit(fit);
      expect(integrity).to.equal(true);
      expect(errors).to.deep.equal([]);
      expect(messages.fileIdMesgs?.[0]).to.include({ type: 'activity', manufacturer: 'garmin', garminProduct: 'fr255' });
      expect(messages.deviceInfoMesgs?.[0]).to.include({ deviceIndex: 'creator', manufacturer: 'garmin' });
      expect(messages.activityMesgs).to.have.length(1);
    });

    it(`${sampling}: the timer stops and starts again around each pause, with no record inside one`, () => {
      const { fit, startedAt } = activity({ sampling });
      const { messages } = readWatchFit(fit);
      const timer = (messages.eventMesgs ?? []).filter((e) => e.event === 'timer');
      const expected = [0, ...PAUSES.flatMap((p) => [p.atS, p.atS + p.lengthS]), RUN_S];
      expect(timer.map((e) => e.eventType)).to.deep.equal(['start', 'stopAll', 'start', 'stopAll', 'start', 'stopAll']);
      expect(timer.map((e) => ((e.timestamp as Date).getTime() - startedAt) / 1000)).to.deep.equal(expected);
      const records = messages.recordMesgs ?? [];
      expect(records.filter((r) => inPause(secondsOf(r, startedAt)))).to.deep.equal([]);
      for (const pause of PAUSES) {
        const before = records.find((r) => secondsOf(r, startedAt) === pause.atS);
        const after = records.find((r) => secondsOf(r, startedAt) === pause.atS + pause.lengthS);
        expect(after?.distance, 'no distance while the timer is stopped').to.equal(before?.distance);
      }
    });
  }

  it('every second: one record a second while the timer runs', () => {
    const { fit, startedAt } = activity({ sampling: 'every-second' });
    const seconds = (readWatchFit(fit).messages.recordMesgs ?? []).map((r) => secondsOf(r, startedAt));
    expect(seconds.length).to.equal(TIMER_S + PAUSES.length + 1);
    const steps = seconds.slice(1).map((s, i) => s - seconds[i]!).filter((_, i) => !inPause(seconds[i]! + 0.5));
    expect(new Set(steps)).to.deep.equal(new Set([1]));
  });

  it('smart recording: records 1 to 8 s apart while the timer runs, of every length in between', () => {
    const { fit, startedAt } = activity({ sampling: 'smart' });
    const seconds = (readWatchFit(fit).messages.recordMesgs ?? []).map((r) => secondsOf(r, startedAt));
    const steps = seconds.slice(1).map((s, i) => s - seconds[i]!).filter((_, i) => !inPause(seconds[i]! + 0.5));
    expect(Math.min(...steps)).to.equal(1);
    expect(Math.max(...steps)).to.equal(SMART_MAX_STEP_S);
    expect(new Set(steps).size, 'every step length from 1 to 8 s').to.equal(SMART_MAX_STEP_S);
    const mean = steps.reduce((a, b) => a + b, 0) / steps.length;
    expect(mean, 'a few seconds apart on average, as watches do').to.be.within(3, 6);
  });

  for (const sampling of SAMPLINGS) {
    it(`${sampling}: the session message holds the watch's totals, which match the truth`, () => {
      const { fit, truth, startedAt } = activity({ sampling });
      const session = readFitSessionTotals(fit);
      expect(session).to.include({ sport: 'running', subSport: 'generic', totalElapsedTime: RUN_S, totalTimerTime: TIMER_S });
      expect(session.startTime.getTime()).to.equal(startedAt);
      expect(truth.timerS).to.equal(TIMER_S);
      expect(session.totalDistance).to.be.closeTo(truth.distanceM, 0.01);
      expect(session.avgSpeedMps).to.be.closeTo(truth.distanceM / TIMER_S, 0.001);
      expect(session.avgStepsPerMinute).to.be.closeTo(truth.avgCadence, 2 / 128);
      expect(truth.avgCadence).to.be.within(165, 180);
      expect(truth.distanceM / TIMER_S).to.be.within(2.8, 3.8);
      const records = readWatchFit(fit).messages.recordMesgs ?? [];
      expect(records.at(-1)?.distance, 'the last record is where the session ends').to.equal(session.totalDistance);
    });
  }

  it('the session is the sum of its laps, one auto-lap per kilometre', () => {
    const { fit } = activity({ sampling: 'smart' });
    const { messages } = readWatchFit(fit);
    const session = readFitSessionTotals(fit);
    const laps = messages.lapMesgs ?? [];
    expect(laps.length).to.equal(Math.ceil(session.totalDistance / 1000));
    const sum = (pick: (lap: (typeof laps)[number]) => number | undefined) => laps.reduce((s, lap) => s + (pick(lap) ?? 0), 0);
    expect(sum((lap) => lap.totalTimerTime)).to.be.closeTo(session.totalTimerTime, 0.01);
    expect(sum((lap) => lap.totalDistance)).to.be.closeTo(session.totalDistance, 0.05);
  });

  it('every second: records average to the session cadence, and their speeds add up to its distance', () => {
    const { fit, startedAt } = activity({ sampling: 'every-second' });
    const session = readFitSessionTotals(fit);
    const records = readWatchFit(fit).messages.recordMesgs ?? [];
    // Each record shows the second that just ended; one right after a timer start shows none.
    const owning = records.filter((r, i) => i > 0 && secondsOf(r, startedAt) - secondsOf(records[i - 1]!, startedAt) === 1);
    const spm = owning.map((r) => 2 * ((r.cadence ?? 0) + (r.fractionalCadence ?? 0)));
    expect(spm.reduce((a, b) => a + b, 0) / spm.length).to.be.closeTo(session.avgStepsPerMinute, 0.05);
    const distance = owning.reduce((sum, r) => sum + (r.enhancedSpeed ?? 0), 0);
    expect(distance).to.be.closeTo(session.totalDistance, session.totalDistance * 0.001);
  });

  it('is the same file for the same seed, another for another seed', () => {
    const a = watchActivity({ durationS: 600, sampling: 'smart', seed: 7 });
    expect(watchActivity({ durationS: 600, sampling: 'smart', seed: 7 }).fit).to.deep.equal(a.fit);
    expect(watchActivity({ durationS: 600, sampling: 'smart', seed: 8 }).fit).not.to.deep.equal(a.fit);
  });

  it('says walking, cycling and treadmill as a watch does', () => {
    const walk = watchActivity({ durationS: 900, sampling: 'smart', sport: 'walking', subSport: 'indoorWalking' });
    expect(readFitSessionTotals(walk.fit)).to.include({ sport: 'walking', subSport: 'indoorWalking' });
    expect(readWatchFit(walk.fit).messages.recordMesgs?.[3]?.activityType).to.equal('walking');
    expect(walk.truth.avgCadence).to.be.within(100, 125);
    const ride = watchActivity({ durationS: 900, sampling: 'smart', sport: 'cycling', subSport: 'road' });
    expect(readFitSessionTotals(ride.fit)).to.include({ sport: 'cycling', subSport: 'road' });
    expect(ride.truth.avgSpeedMps).to.be.above(5);
    const treadmill = watchActivity({ durationS: 900, sampling: 'every-second', subSport: 'treadmill' });
    expect(readFitSessionTotals(treadmill.fit)).to.include({ sport: 'running', subSport: 'treadmill' });
  });
});

describe('watch files: the TCX Garmin Connect exports', () => {
  for (const sampling of SAMPLINGS) {
    it(`${sampling}: one trackpoint per record, laps adding up to the session, a new track after each pause`, () => {
      const { tcx, fit, startedAt } = activity({ sampling });
      const doc = tcxDocument(tcx);
      expect(elements(doc, 'parsererror')).to.deep.equal([]);
      expect(elements(doc, 'Activity')[0]?.getAttribute('Sport')).to.equal('Running');
      const session = readFitSessionTotals(fit);
      const points = elements(doc, 'Trackpoint');
      expect(points.length).to.equal(readWatchFit(fit).messages.recordMesgs?.length);
      const laps = elements(doc, 'Lap');
      const lapSum = (name: string) => laps.reduce((s, lap) => s + Number(lap.querySelector(`:scope > ${name}`)?.textContent), 0);
      expect(lapSum('TotalTimeSeconds')).to.be.closeTo(session.totalTimerTime, 0.5);
      expect(lapSum('DistanceMeters')).to.be.closeTo(session.totalDistance, 0.1);
      const lastDistance = Number(points.at(-1)!.getElementsByTagNameNS('*', 'DistanceMeters')[0]!.textContent);
      expect(lastDistance).to.be.closeTo(session.totalDistance, 0.01);
      const cadences = elements(doc, 'RunCadence').map((e) => Number(e.textContent));
      expect(cadences.length).to.equal(points.length);
      expect(Math.min(...cadences)).to.be.at.least(80);
      expect(Math.max(...cadences)).to.be.at.most(93);
      // Each pause: the trackpoint at its start ends a Track, the one at its end starts the next.
      const timeOf = (point: Element) => (Date.parse(point.getElementsByTagNameNS('*', 'Time')[0]!.textContent!) - startedAt) / 1000;
      const tracks = elements(doc, 'Track').map((track) => elements(track, 'Trackpoint'));
      for (const pause of PAUSES) {
        expect(tracks.some((t) => timeOf(t.at(-1)!) === pause.atS)).to.equal(true);
        expect(tracks.some((t) => timeOf(t[0]!) === pause.atS + pause.lengthS)).to.equal(true);
      }
    });
  }

  it('a ride is Sport="Biking" with its cadence on the trackpoint; a walk is "Other"', () => {
    const ride = tcxDocument(watchActivity({ durationS: 600, sampling: 'smart', sport: 'cycling' }).tcx);
    expect(elements(ride, 'Activity')[0]?.getAttribute('Sport')).to.equal('Biking');
    expect(elements(ride, 'RunCadence')).to.deep.equal([]);
    expect(elements(elements(ride, 'Trackpoint')[0]!, 'Cadence')).to.have.length(1);
    const walk = tcxDocument(watchActivity({ durationS: 600, sampling: 'smart', sport: 'walking' }).tcx);
    expect(elements(walk, 'Activity')[0]?.getAttribute('Sport')).to.equal('Other');
  });
});
