// The footpod service hands the simulated pod's running power to the live session: each reading
// before the pod's next row once the power code has loaded, and none kept once the pod's link goes.
import { expect, waitUntil } from '@open-wc/testing';
import { FootpodService } from '../../src/services/footpod-service.js';
import { SettingsService } from '../../src/services/settings-service.js';
import type { LiveSession } from '../../src/session/live-session.js';
import { SimulatedFootpod, simulatedPowerW } from '../../src/sources/simulated-footpod.js';

const column = (s: LiveSession, name: Parameters<LiveSession['samples']['column']>[0]) => Array.from(s.samples.column(name));

/** A service on a simulated pod whose clock barely moves: the test emits its seconds itself. */
async function simulatedWithPower(): Promise<{ service: FootpodService; pod: SimulatedFootpod }> {
  let pod: SimulatedFootpod | null = null;
  const service = new FootpodService(new SettingsService(), { simulator: () => (pod = new SimulatedFootpod({ speedup: 1e-6, seed: 3 })) });
  await service.simulate();
  await waitUntil(() => service.session!.latestChannels.powerW !== null, 'the power code loaded with the first reading');
  return { service, pod: pod! };
}

describe('FootpodService: the simulated pod’s running power', () => {
  let service: FootpodService | null = null;
  afterEach(() => service?.disconnect());

  // A hidden tab's timers run late, and the simulated pod then sends a minute of readings at once.
  it('gives every row of a catch-up batch the power sent with it', async () => {
    const started = await simulatedWithPower();
    service = started.service;
    const before = service.session!.samples.length;
    started.pod.emitSeconds(60);
    const s = service.session!;
    const raw = column(s, 'rawSpeedMps').slice(before);
    const power = column(s, 'powerW').slice(before);
    expect(power.length).to.equal(60);
    // RSC carries speed to 1/256 m/s, so the power of a row's own speed may round a watt either way.
    const off = power.filter((w, i) => !(Math.abs(w - simulatedPowerW(raw[i]!)) <= 1));
    expect(off, `rows without their own power: ${power.join(', ')}`).to.deep.equal([]);
  });

  it('drops the pod’s power at once when its link goes', async () => {
    const started = await simulatedWithPower();
    service = started.service;
    started.pod.disconnect();
    expect(service.session!.latestChannels.powerW).to.equal(null);
  });
});
