import { expect } from '@open-wc/testing';
import { sensorsStatus, type SensorStatus } from '../../src/pages/sensors-status-words.js';

const none: SensorStatus = { state: null, remembered: false };

describe('sensorsStatus: the Sensors section closed to one line', () => {
  it('names the pod and its battery, and says there is no strap or treadmill', () => {
    expect(sensorsStatus({ state: 'connected', name: 'Simulated footpod', batteryLevel: 100 }, none, none)).to.equal(
      'Simulated footpod · 100 % · no strap · no treadmill',
    );
  });

  it('says when the pod reports no battery, and when there is no pod at all', () => {
    expect(sensorsStatus({ state: 'connected', name: null, batteryLevel: null }, none, none)).to.equal(
      'Footpod · battery not reported · no strap · no treadmill',
    );
    for (const state of ['idle', 'unavailable'] as const) {
      expect(sensorsStatus({ state, name: null, batteryLevel: 80 }, none, none)).to.equal('No footpod · no strap · no treadmill');
    }
  });

  it('says what a link on its way is doing, and that a remembered sensor is not connected yet', () => {
    expect(
      sensorsStatus(
        { state: 'reconnecting', name: 'Stryd', batteryLevel: 40 },
        { state: 'connected', remembered: true },
        { state: null, remembered: true },
      ),
    ).to.equal('Stryd reconnecting… · strap connected · treadmill not connected');
    expect(
      sensorsStatus({ state: 'disconnected', name: 'Stryd', batteryLevel: 40 }, { state: 'connecting', remembered: false }, { state: 'idle', remembered: false }),
    ).to.equal('Stryd disconnected · strap connecting… · no treadmill');
  });
});
