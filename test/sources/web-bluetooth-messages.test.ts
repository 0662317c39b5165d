/// <reference types="mocha" />
// The sentences each Web Bluetooth source shows: the footpod's stay word for word what they were,
// and the treadmill's and strap's name their own sensor and button.
import { expect } from '@open-wc/testing';
import {
  adapterUnavailableMessage,
  connectFailedMessage,
  footpodWording,
  gaveUpMessage,
  noRememberedMessage,
  notInRangeMessage,
  noWebBluetoothMessage,
  sensorMessages,
} from '../../src/sources/web-bluetooth-messages.js';
import { heartRateWording } from '../../src/sources/web-bluetooth-heart-rate.js';
import { treadmillWording } from '../../src/sources/web-bluetooth-treadmill.js';

const networkError = new DOMException('Connection failed for unknown reason.', 'NetworkError');
const notFoundService = new DOMException('No Services matching UUID 0x1814 found in Device.', 'NotFoundError');

describe('Web Bluetooth messages', () => {
  it('words the footpod exactly as before', () => {
    expect(noWebBluetoothMessage).to.match(/^This browser has no Web Bluetooth, so it cannot talk to a footpod\. Use Chrome or Edge/);
    expect(adapterUnavailableMessage).to.equal(
      'Bluetooth is off or missing on this computer. Turn Bluetooth on (or plug in a Bluetooth adapter), then press Pair footpod.',
    );
    expect(notInRangeMessage(null)).to.equal(
      'Your footpod did not answer. Wake it (walk a few steps), keep it near the computer, and try again, or press Pair footpod to choose it again.',
    );
    expect(noRememberedMessage).to.equal('No footpod was paired in this browser yet. Press Pair footpod to choose one.');
    expect(gaveUpMessage('Stryd')).to.equal(
      'Lost the connection to Stryd and could not get it back. Wake the footpod, keep it near the computer, and press Pair footpod.',
    );
    expect(connectFailedMessage(notFoundService, 'Band')).to.equal(
      'Band is not a running footpod (it has no Running Speed and Cadence service). Press Pair footpod and choose your footpod.',
    );
    expect(connectFailedMessage(new Error('boom'), null)).to.equal('Could not connect to the footpod (boom). Press Pair footpod to try again.');
    expect(sensorMessages(footpodWording).gaveUp(null)).to.equal(gaveUpMessage(null));
  });

  for (const [wording, noun, button] of [
    [treadmillWording, 'treadmill', 'Pair treadmill'],
    [heartRateWording, 'heart-rate strap', 'Pair heart-rate strap'],
  ] as const) {
    it(`names the ${noun} and its button in every sentence`, () => {
      const m = sensorMessages(wording);
      const sentences = [
        m.noWebBluetooth,
        m.adapterUnavailable,
        m.notInRange(null),
        m.noRemembered,
        m.gaveUp(null),
        m.connectFailed(networkError, null),
        m.connectFailed(notFoundService, null),
        m.connectFailed(new Error('boom'), null),
      ];
      for (const sentence of sentences) {
        expect(sentence).to.include(noun);
        expect(sentence).to.not.include('footpod');
      }
      for (const sentence of sentences.slice(1)) expect(sentence).to.include(button);
      expect(m.gaveUp('Kickr Run')).to.match(/^Lost the connection to Kickr Run /);
    });
  }
});
