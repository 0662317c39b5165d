// Issue 19 "Running power" and the freshness rule (sensor-channels.ts): "a value from before [a
// silence of the pod] is no reading for" the rows after it. The project's own test
// (power-ingest.test.ts 'carries no power from before a silence of the pod into the rows after it')
// feeds each second's power BEFORE its RSC row. A pod may as well notify power just AFTER its RSC
// in the same second (the notification-order property allows either order). Then the last watts
// before a minute's silence are dated "at the row the pod comes back with" and shown as the first
// row's power a minute later: the runner who steps back on the belt reads (and records) the 320 W
// they ran at a minute ago. The order of two notifications within one second must not decide that.

import { expect } from '@open-wc/testing';
import { LiveSession } from '../../../src/session/live-session.js';
import { ingestPower } from '../../../src/session/power-ingest.js';
import { defaultCadenceZones } from '../../../src/session/zones.js';
import { podBytes, powerBytes } from '../../session/sensor-bytes.js';

const powerColumn = (s: LiveSession) => Array.from(s.samples.column('powerW'));

function run(powerAfterRsc: boolean): LiveSession {
  const s = new LiveSession(defaultCadenceZones);
  for (let i = 0; i < 5; i++) {
    if (!powerAfterRsc) ingestPower(s, powerBytes(320));
    s.ingest(podBytes(3.6, 176), i * 1000);
    if (powerAfterRsc) ingestPower(s, powerBytes(320));
  }
  // The pod is silent for a minute (no RSC, no power), then sends RSC rows before any power.
  for (let i = 0; i < 3; i++) s.ingest(podBytes(2, 150), 65_000 + i * 1000);
  return s;
}

describe('rv-power3: power from before a pod silence, whichever order the pod notifies in', () => {
  it('carries no power from before a minute-long silence of the pod when the pod sends power just after its RSC', () => {
    const before = run(false);
    const after = run(true);
    expect(powerColumn(before).slice(5), 'power before RSC (the project test)').to.deep.equal([Number.NaN, Number.NaN, Number.NaN]);
    expect(powerColumn(after).slice(5), 'power after RSC: the same notifications, swapped within each second').to.deep.equal([
      Number.NaN,
      Number.NaN,
      Number.NaN,
    ]);
    expect(after.latestChannels.powerW, 'the Power tile a minute later').to.equal(null);
  });
});
