// Outside review of issue 16: "correct this run from the treadmill's distance" judges by the speed
// source setting at the end of the run, not by where the run's metres came from.
import { expect, fixture, html } from '@open-wc/testing';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import type { AppServices } from '../../src/app/services.js';
import '../../src/pages/stride-session-calibration.js';
import type { StrideSessionCalibration } from '../../src/pages/stride-session-calibration.js';
import type { StrideDistanceCorrection } from '../../src/components/stride-distance-correction.js';
import { LiveSession } from '../../src/session/live-session.js';
import { SAMPLE_SPEED_FROM_TREADMILL, type RecordedSession } from '../../src/session/recorded-session.js';
import { Recorder } from '../../src/session/recorder.js';
import { correctionFrom } from '../../src/session/run-correction.js';
import { defaultCadenceZones } from '../../src/session/zones.js';

const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** A 30 min run at 3.0 m/s on a gym treadmill without Bluetooth, the pod reading 106 %, with Settings' "speed from" left on Treadmill. */
function podOnlyRunWithTreadmillSetting(): RecordedSession {
  const live = new LiveSession(defaultCadenceZones);
  live.setSpeedFrom('treadmill');
  const recorder = new Recorder({ zones: defaultCadenceZones, id: 'repro-speed-from', now: () => 0, calibration: [], speedFrom: 'treadmill', podId: 'pod-1' });
  recorder.start();
  let podM = 0;
  for (let s = 0; s < 1801; s++) {
    podM += 3.18;
    live.ingest(viewOf(encodeRscMeasurement({ speedMps: 3.18, cadence: 172, strideLengthM: null, totalDistanceM: podM, isRunning: true })), s * 1000);
    recorder.addReading(live.latest!);
  }
  recorder.stop();
  return { meta: recorder.meta(), samples: recorder.samples };
}

describe('correcting a run whose metres all came from the pod, with the setting on Treadmill', () => {
  it('the run page offers the correction (every metre is the pod’s)', async () => {
    const run = podOnlyRunWithTreadmillSetting();
    const fromBelt = Array.from(run.samples.flags).filter((f) => (f & SAMPLE_SPEED_FROM_TREADMILL) !== 0).length;
    expect(fromBelt, 'rows the treadmill gave speed for').to.equal(0);
    expect(run.meta.distanceM).to.be.closeTo(5724, 4);
    // The session layer would correct it to 5400 m and file 94.3 % at 3.18 m/s:
    const found = correctionFrom(run, [], 5400);
    expect(found.ok && !found.matches && found.run.meta.distanceM).to.be.closeTo(5400, 1);
    const services = { settings: { settings: { distanceUnit: 'km' } } } as unknown as AppServices;
    const page = await fixture<StrideSessionCalibration>(html`<stride-session-calibration .services=${services} .session=${run}></stride-session-calibration>`);
    const panel = page.shadowRoot!.querySelector<StrideDistanceCorrection>('stride-distance-correction')!;
    // Today: unavailable, "This run took its speed and distance from the treadmill, so there is nothing to correct."
    expect(panel.available, String(panel.unavailableReason)).to.equal(true);
  });
});
