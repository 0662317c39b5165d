// rv-power: running power a runner reads live and finds in the recorded run.
import { expect, waitUntil } from '@open-wc/testing';
import { FootpodService } from '../../../src/services/footpod-service.js';
import { SettingsService } from '../../../src/services/settings-service.js';
import { LiveSession } from '../../../src/session/live-session.js';
import { ingestPower } from '../../../src/session/power-ingest.js';
import { defaultCadenceZones } from '../../../src/session/zones.js';
import { SimulatedFootpod, simulatedPowerW } from '../../../src/sources/simulated-footpod.js';
import { podBytes, powerBytes } from '../../session/sensor-bytes.js';

const column = (s: LiveSession, name: Parameters<LiveSession['samples']['column']>[0]) => Array.from(s.samples.column(name));

describe('rv-power: live running power', () => {
  // Why it matters: a Stryd that drops its link for a minute (out of range of the phone on a
  // treadmill's far side, or asleep) comes back with RSC notifications first (they are subscribed
  // before power), so the first rows after the break take the watts measured a minute earlier.
  // The run then holds (and the Power tile shows) a value nobody measured after the break. The
  // treadmill's values are dropped "at once" when its link goes (forgetSensor); the pod's power is
  // not, and because no pod rows came during the silence its age in rows is still 0. The issue:
  // "a channel in the run (NaN where missing)".
  it('does not carry power measured before a minute-long silence of the pod into the rows after it', () => {
    const s = new LiveSession(defaultCadenceZones);
    for (let i = 0; i < 5; i++) {
      ingestPower(s, powerBytes(320));
      s.ingest(podBytes(3.6, 176), i * 1000);
    }
    // The link was lost for a minute; the pod is back and its RSC rows come before any power.
    for (let i = 0; i < 3; i++) s.ingest(podBytes(2, 150), 65_000 + i * 1000);
    expect(column(s, 'powerW').slice(5), 'rows after the silence: no power was measured for them').to.deep.equal([Number.NaN, Number.NaN, Number.NaN]);
    expect(s.latestChannels.powerW, 'the Power tile after the silence').to.equal(null);
  });

  // Why it matters: during a run (holdSession) the runner may re-pair another pod, e.g. a plain
  // RSC pod after the Stryd's battery died; FootpodService then calls newSource() on the same
  // live session. The new pod sends no power at all, yet its first rows take the Stryd's last
  // watts (held with 0 pod rows of age), and the Power tile shows them: power a pod without
  // power "never" has (README: "a pod without it works as before").
  it("gives a pod re-paired into the run none of the previous pod's power", () => {
    const s = new LiveSession(defaultCadenceZones);
    for (let i = 0; i < 5; i++) {
      ingestPower(s, powerBytes(280));
      s.ingest(podBytes(3.3, 172), i * 1000);
    }
    s.newSource();
    for (let i = 0; i < 3; i++) s.ingest(podBytes(3.3, 172), 6000 + i * 1000);
    expect(column(s, 'powerW').slice(5), "the new pod's rows").to.deep.equal([Number.NaN, Number.NaN, Number.NaN]);
    expect(s.latestChannels.powerW, 'the Power tile with the new pod').to.equal(null);
  });

  // Why it matters: the simulated pod is how a runner tries the app (and how power is shown off
  // without a Stryd). Its clock "catches up in batches when the tab was throttled" (a hidden tab
  // runs timers once a second, or once a minute after a few minutes hidden): a batch of RSC rows
  // is emitted synchronously, while each power reading goes through a promise (.then) and lands
  // only after the whole batch. So rows of a batch get the previous batch's last watts or none:
  // a hidden-tab simulated run has power missing from most rows and the rest shifted.
  it('gives every row of a simulated catch-up batch the power the simulated pod sent with it', async () => {
    let pod: SimulatedFootpod | null = null;
    // A slow clock: the test emits the batch itself, as the pod's timer does after throttling.
    const service = new FootpodService(new SettingsService(), { simulator: () => (pod = new SimulatedFootpod({ speedup: 1e-6, seed: 3 })) });
    try {
      await service.simulate();
      await waitUntil(() => service.session!.latestChannels.powerW !== null, 'the power code loaded with the first reading');
      const before = service.session!.samples.length;
      pod!.emitSeconds(60);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const s = service.session!;
      const raw = column(s, 'rawSpeedMps').slice(before);
      const power = column(s, 'powerW').slice(before);
      expect(power.length).to.equal(60);
      const missing = power.filter((w) => !Number.isFinite(w)).length;
      expect(missing, `rows of the batch without power: ${power.join(', ')}`).to.equal(0);
      // Each row's power is the pod's for that second's speed (RSC carries speed to 1/256 m/s).
      const off = power.filter((w, i) => Math.abs(w - simulatedPowerW(raw[i]!)) > 1).length;
      expect(off, 'rows whose power is not the one sent with them').to.equal(0);
    } finally {
      service.disconnect();
    }
  });
});
