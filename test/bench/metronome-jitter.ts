// The metronome on a real AudioContext for 20 s while the main thread is kept as busy as a live
// page can make it: both live charts redrawn with three hours charted, each redraw followed by a
// 10-30 ms busy loop, about twelve times a second (bundled and run by test/bench/run.mjs).
import '../../src/components/stride-live-chart.js';
import type { StrideLiveChart } from '../../src/components/stride-live-chart.js';
import { beatIntervalS } from '../../src/coach/metronome-timing.js';
import { browserTimer, WebAudioMetronome } from '../../src/outputs/web-audio-metronome.js';
import { SampleColumns } from '../../src/session/sample-columns.js';

const RUN_S = 20;
const RATE_SPM = 175;
const THREE_HOURS_S = 3 * 3600;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const busyFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // Work the page cannot interrupt, as a long redraw.
  }
};

function threeHours(): SampleColumns {
  const samples = new SampleColumns(THREE_HOURS_S + 1024);
  for (let t = 0; t < THREE_HOURS_S; t++) {
    samples.push({ t, speedMps: 3 + Math.sin(t / 60) * 0.3, cadence: 172 + ((t * 7) % 9) - 4, strideLengthM: 1.05, distanceM: 3 * t });
  }
  return samples;
}

async function liveCharts(samples: SampleColumns): Promise<StrideLiveChart[]> {
  const charts = (['cadence', 'stride'] as const).map((kind) => {
    const chart = document.createElement('stride-live-chart');
    chart.kind = kind;
    chart.samples = samples;
    chart.windowS = 0; // the whole run: the costlier redraw
    chart.style.width = '1200px';
    return chart;
  });
  document.body.replaceChildren(...charts);
  await Promise.all(charts.map((chart) => chart.updateComplete));
  await pause(100);
  return charts;
}

async function stridewiseMetronomeJitter(): Promise<string[]> {
  const samples = threeHours();
  const charts = await liveCharts(samples);
  // The scheduler's own timer, counted: each wake-up is the page (and a phone's CPU) woken.
  let wakeUps = 0;
  let tickMs = 0;
  const metronome = new WebAudioMetronome({
    timer: {
      every(ms, tick) {
        tickMs = ms;
        return browserTimer.every(ms, () => {
          wakeUps++;
          tick();
        });
      },
    },
  });
  // page.evaluate counts as a user gesture, so the context may run.
  await metronome.start({ rateSpm: RATE_SPM, everyStep: true, volume: 0.3 });
  const context = metronome.audio.context!;
  if (context.state !== 'running') throw new Error(`the AudioContext is ${context.state}, not running`);
  const until = performance.now() + RUN_S * 1000;
  let redraws = 0;
  let busyMs = 0;
  while (performance.now() < until) {
    const t = samples.length;
    samples.push({ t, speedMps: 3, cadence: 174, strideLengthM: 1.05, distanceM: 3 * t });
    const started = performance.now();
    for (const chart of charts) chart.revision = t;
    await Promise.all(charts.map((chart) => chart.updateComplete));
    busyFor(10 + Math.random() * 20);
    busyMs += performance.now() - started;
    redraws++;
    await pause(60);
  }
  metronome.stop();
  const beats = [...metronome.scheduledBeats];
  // The first beat is set 0.1 s after start; every later one enters the look-ahead.
  const leads = metronome.scheduleLeadsS.slice(1);
  await metronome.audio.close();
  document.body.replaceChildren();

  const interval = beatIntervalS(RATE_SPM, true);
  const deviationsMs = beats.map((beat, k) => Math.abs(beat - (beats[0]! + k * interval)) * 1000);
  const expectedBeats = Math.floor((beats.at(-1)! - beats[0]!) / interval) + 1;
  return [
    `Metronome on a real AudioContext, ${RUN_S} s at ${RATE_SPM} spm while both live charts (3 h charted) redraw ${(redraws / RUN_S).toFixed(0)}×/s plus 10-30 ms busy loops ` +
      `(main thread ${((busyMs / (RUN_S * 1000)) * 100).toFixed(0)}% busy): ${beats.length} beats (${expectedBeats - beats.length} missing, ${metronome.skippedBeats} skipped as late), ` +
      `deviation from the grid median ${median(deviationsMs).toFixed(4)} ms, max ${Math.max(...deviationsMs).toFixed(4)} ms; ` +
      `beats after the first scheduled ahead by at least ${(Math.min(...leads) * 1000).toFixed(0)} ms (median ${(median(leads) * 1000).toFixed(0)} ms); ` +
      `longest timer wait ${metronome.longestTickGapMs.toFixed(0)} ms for a ${tickMs} ms tick; ${(wakeUps / RUN_S).toFixed(1)} wake-ups/s`,
  ];
}

Object.assign(window, { stridewiseMetronomeJitter });
declare global {
  interface Window {
    stridewiseMetronomeJitter: () => Promise<string[]>;
  }
}
