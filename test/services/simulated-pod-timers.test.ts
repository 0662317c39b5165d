// The simulated pod wakes once per second it sends: its timer delays are whole milliseconds,
// rounded up, since the browser drops a delay's fraction and a timer fired that fraction early
// finds nothing due and costs a second task (a live page's main thread, every other second).
import { expect, waitUntil } from '@open-wc/testing';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import { MeasurementEvent } from '../../src/sources/footpod-source.js';

describe('simulated pod timers', () => {
  const realSetTimeout = globalThis.setTimeout;
  afterEach(() => {
    globalThis.setTimeout = realSetTimeout;
  });

  it('asks for whole-millisecond delays that are never short of the next second', async () => {
    const delays: number[] = [];
    globalThis.setTimeout = ((handler: () => void, delay?: number) => {
      delays.push(delay ?? 0);
      return realSetTimeout(handler, delay);
    }) as typeof setTimeout;
    const pod = new SimulatedFootpod({ seed: 5 });
    let sent = 0;
    pod.addEventListener(MeasurementEvent.type, () => sent++);
    await pod.connect();
    await waitUntil(() => sent >= 3, 'three seconds sent', { timeout: 4000 });
    pod.disconnect();
    expect(delays.length).to.be.at.least(3);
    expect(delays.filter((delay) => !Number.isInteger(delay)), 'fractional delays').to.deep.equal([]);
  });
});
