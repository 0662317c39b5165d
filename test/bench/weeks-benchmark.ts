// `npm run bench -- weeks`: the weeks page with its charts over 520 stored sessions, alone.
import { historyBenchmarks } from './history-benchmarks.js';

async function stridewiseWeeksBench(): Promise<string[]> {
  return ['Weeks page with 520 stored sessions:', ...(await historyBenchmarks(true))];
}

Object.assign(window, { stridewiseWeeksBench });
declare global {
  interface Window {
    stridewiseWeeksBench: () => Promise<string[]>;
  }
}
