// How closely an imported watch file comes back, against the watch's own session message: moving
// time, distance and speed as a percentage off, cadence in steps/min off, and the lost-link gaps
// that should not be there (a watch has no link to lose). FIT and TCX, every second and smart
// recording, all with pauses. Bundled and run in headless Chromium by test/bench/run.mjs.

import { readRunFile } from '../../src/export/read-run-file.js';
import { summarizeSamples } from '../../src/session/session-summary.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { RUN_WITH_TWO_PAUSES, type WatchSampling, readFitSessionTotals, watchActivity } from '../support/watch-files.js';

const RUNS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const signed = (value: number, digits: number): string => `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;
const percentOff = (value: number, reference: number): string => `${signed(((value - reference) / reference) * 100, 2)} %`;

interface Row {
  file: string;
  records: number;
  cells: string[];
}

async function measure(format: 'FIT' | 'TCX', sampling: WatchSampling): Promise<Row> {
  const activity = watchActivity({ ...RUN_WITH_TWO_PAUSES, sampling });
  const session = readFitSessionTotals(activity.fit);
  const file = format === 'FIT' ? new File([activity.fit], 'watch.fit') : new File([activity.tcx], 'watch.tcx');
  const label = `${format} ${sampling === 'smart' ? 'smart 1-8 s' : 'every 1 s'}`;
  const times: number[] = [];
  let run;
  try {
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      run = await readRunFile(file);
      times.push(performance.now() - started);
    }
  } catch (error) {
    return { file: label, records: activity.records.length, cells: [`refused: ${(error as Error).message}`] };
  }
  const totals = summarizeSamples(run!.samples, defaultCadenceZones, run!.gaps);
  const pace = totals.movingS > 0 ? totals.distanceM / totals.movingS : 0;
  const lost = run!.gaps.filter((gap) => gap.reason === 'link-lost').length;
  return {
    file: label,
    records: activity.records.length,
    cells: [
      `${(totals.movingS / 60).toFixed(1)} min (${percentOff(totals.movingS, session.totalTimerTime)})`,
      percentOff(totals.distanceM, session.totalDistance),
      `${signed(totals.avgCadence - session.avgStepsPerMinute, 2)} spm`,
      percentOff(pace, session.avgSpeedMps),
      String(lost),
      `${median(times).toFixed(1)} ms`,
    ],
  };
}

export async function importAccuracy(): Promise<string[]> {
  const reference = readFitSessionTotals(watchActivity({ ...RUN_WITH_TWO_PAUSES, sampling: 'smart' }).fit);
  const rows: Row[] = [];
  for (const format of ['FIT', 'TCX'] as const) {
    for (const sampling of ['every-second', 'smart'] as const) rows.push(await measure(format, sampling));
  }
  const head = ['file', 'records', 'moving time', 'distance', 'cadence', 'dist/moving', 'lost links', 'import'];
  const table = [head, ...rows.map((r) => [r.file, String(r.records), ...r.cells])];
  const widths = head.map((_, c) => Math.max(...table.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]) => `  ${row.map((cell, c) => (c === 1 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ')}`.trimEnd();
  return [
    `Import accuracy of a ${RUN_WITH_TWO_PAUSES.durationS / 60}-minute watch run with ${RUN_WITH_TWO_PAUSES.pauses.length} pauses, ` +
      `against its session message (timer ${(reference.totalTimerTime / 60).toFixed(1)} min, ` +
      `${(reference.totalDistance / 1000).toFixed(3)} km, ${reference.avgStepsPerMinute.toFixed(2)} steps/min, ${reference.avgSpeedMps} m/s):`,
    ...table.map(line),
    `  (targets: moving time within 1 %, distance within 0.1 %, cadence within 1 spm, no lost links; import: median of ${RUNS})`,
  ];
}

Object.assign(window, { stridewiseImportAccuracy: importAccuracy });
declare global {
  interface Window {
    stridewiseImportAccuracy: () => Promise<string[]>;
  }
}
