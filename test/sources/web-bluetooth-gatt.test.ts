// A pod remembered from before running power was read was paired without Cycling Power among its
// optional services: Chrome then refuses that service (SecurityError) whether or not the pod has
// it, so the app cannot tell a Stryd from a plain pod. It must run as a footpod, without power.
import { expect } from '@open-wc/testing';
import { CYCLING_POWER_SERVICE, RSC_MEASUREMENT, RSC_SERVICE } from '../../src/ble/gatt-uuids.js';
import { discoverFootpod } from '../../src/sources/web-bluetooth-gatt.js';
import type { BluetoothRemoteGATTServer } from '../../src/sources/web-bluetooth-types.js';

const refused = (name: string) => Promise.reject(new DOMException(`${name} from the fake pod`, name));

/** A pod with RSC (its measurement only) that refuses Cycling Power with `powerError`. */
function server(powerError: string): BluetoothRemoteGATTServer {
  const measurement = { uuid: RSC_MEASUREMENT };
  const rsc = { getCharacteristic: (uuid: number) => (uuid === RSC_MEASUREMENT ? Promise.resolve(measurement) : refused('NotFoundError')) };
  return {
    getPrimaryService: (uuid: number) => (uuid === RSC_SERVICE ? Promise.resolve(rsc) : uuid === CYCLING_POWER_SERVICE ? refused(powerError) : refused('NotFoundError')),
  } as unknown as BluetoothRemoteGATTServer;
}

describe('discoverFootpod: Cycling Power', () => {
  it('runs a pod paired without permission for Cycling Power as a footpod without power', async () => {
    const pod = await discoverFootpod(server('SecurityError'));
    expect(pod.power).to.equal(null);
    expect(pod.measurement).to.not.equal(null);
  });

  it('still says a lost link is one', async () => {
    let error: unknown = null;
    await discoverFootpod(server('NetworkError')).catch((e: unknown) => (error = e));
    expect((error as DOMException | null)?.name).to.equal('NetworkError');
  });
});
