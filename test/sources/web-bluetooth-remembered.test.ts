/// <reference types="mocha" />
// Which of the devices the browser allows is a sensor's own: pure, so checked without Bluetooth.
import { expect } from '@open-wc/testing';
import { pickRemembered } from '../../src/sources/remembered-device.js';

const devices = [{ id: 'treadmill' }, { id: 'footpod' }, { id: 'strap' }];

describe('pickRemembered', () => {
  it('takes the device with the stored id, wherever the browser lists it', () => {
    expect(pickRemembered(devices, 'strap', [], false)).to.equal(devices[2]);
    expect(pickRemembered(devices, 'footpod', ['footpod'], true), 'a stored id wins over otherIds').to.equal(devices[1]);
  });

  it('finds nothing when the stored id is gone, even where the first device would do', () => {
    expect(pickRemembered(devices, 'forgotten', [], true)).to.equal(null);
  });

  it('without a stored id, takes the first device no other sensor claims, if the sensor allows a guess', () => {
    expect(pickRemembered(devices, null, [], true)).to.equal(devices[0]);
    expect(pickRemembered(devices, null, ['treadmill'], true)).to.equal(devices[1]);
    expect(pickRemembered(devices, '', ['treadmill', 'footpod'], true), 'an empty id is no id').to.equal(devices[2]);
    expect(pickRemembered(devices, null, ['treadmill', 'footpod', 'strap'], true)).to.equal(null);
    expect(pickRemembered(devices, null, [], false)).to.equal(null);
    expect(pickRemembered([], null, [], true)).to.equal(null);
  });
});
