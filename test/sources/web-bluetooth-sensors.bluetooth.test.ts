/// <reference types="mocha" />
// A footpod, a treadmill and a heart-rate strap in range at once, through Chromium's own Web
// Bluetooth stack: each source pairs through its own chooser, remembers its own device and hears
// only its own bytes; a treadmill that also offers RSC pairs as either.
import { expect, waitUntil } from '@open-wc/testing';
import { encodeHeartRateMeasurement } from '../../src/ble/heart-rate-encode.js';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import { WebBluetoothFootpod } from '../../src/sources/web-bluetooth-footpod.js';
import { WebBluetoothHeartRate } from '../../src/sources/web-bluetooth-heart-rate.js';
import { WebBluetoothTreadmill } from '../../src/sources/web-bluetooth-treadmill.js';
import { dropLink, operationLog, sendMeasurement, setupEmulatedFootpod } from '../support/emulated-footpod.js';
import { addEmulatedHeartRateStrap, addEmulatedTreadmill, sendHeartRate, sendTreadmillData } from '../support/emulated-sensors.js';
import { harness, ops, pairAfterListing, pairThroughChooser, releaseAll, sleep } from './sensor-harness.js';

const fast = { retryDelaysMs: [20, 40, 80], advertisementTimeoutMs: 2000 };
// Each name keeps its own address in every test: within one page Chrome keeps the name a device
// id was first seen with.
const FOOTPOD = { name: 'Stryd', address: '0A:0B:0C:0D:0E:0F' };
const DUAL = { name: 'Dual treadmill', address: '5A:5B:5C:5D:5E:5F' };
const TREADMILL = { name: 'Plain treadmill', address: '1A:1B:1C:1D:1E:1F' };
const STRAP = { name: 'Chest strap', address: '2A:2B:2C:2D:2E:2F' };

const rsc = encodeRscMeasurement({ speedMps: 3.3, cadence: 172, strideLengthM: 1.15, totalDistanceM: 800, isRunning: true });
// Treadmill Data with only the speed (flags 0, then 0.01 km/h): 11.88 km/h.
const belt = new Uint8Array([0x00, 0x00, 0xa4, 0x04]);
const beat = encodeHeartRateMeasurement({ heartRateBpm: 151, sensorContact: 'detected', energyExpendedKj: null, rrIntervalsS: null });

afterEach(releaseAll);

describe('Several sensors through Chromium’s Web Bluetooth', () => {
  it('shows a treadmill that also offers RSC in the footpod chooser and the treadmill chooser, and pairs it as either', async () => {
    await setupEmulatedFootpod(FOOTPOD);
    await addEmulatedTreadmill({ ...DUAL, alsoRsc: true });
    await addEmulatedHeartRateStrap(STRAP);

    const asFootpod = harness(new WebBluetoothFootpod(undefined, fast));
    const footpodChooser = await pairAfterListing(asFootpod, DUAL);
    await sendMeasurement(rsc, DUAL);
    await waitUntil(() => asFootpod.received.length === 1, 'the RSC measurement arrives');
    expect(asFootpod.received).to.deep.equal([Array.from(rsc)]);
    expect(asFootpod.source.info.deviceName).to.equal(DUAL.name);
    asFootpod.source.disconnect();

    const asTreadmill = harness(new WebBluetoothTreadmill(undefined, fast));
    const treadmillChooser = await pairAfterListing(asTreadmill, DUAL);
    await sendTreadmillData(belt, DUAL);
    await waitUntil(() => asTreadmill.received.length === 1, 'the treadmill data arrives');
    expect(asTreadmill.received).to.deep.equal([Array.from(belt)]);
    expect(asFootpod.received, 'the footpod source let go').to.have.length(1);

    expect([...footpodChooser].sort()).to.deep.equal([FOOTPOD.address, DUAL.address].sort());
    expect(treadmillChooser).to.deep.equal([DUAL.address]);
  });

  it('keeps a footpod, a treadmill and a strap connected at once, each hearing only its own bytes', async () => {
    await setupEmulatedFootpod(FOOTPOD);
    await addEmulatedTreadmill(TREADMILL);
    await addEmulatedHeartRateStrap(STRAP);
    const footpod = harness(new WebBluetoothFootpod(undefined, fast));
    const treadmill = harness(new WebBluetoothTreadmill(undefined, fast));
    const strap = harness(new WebBluetoothHeartRate(undefined, fast));
    await pairThroughChooser(footpod, FOOTPOD);
    await pairThroughChooser(treadmill, TREADMILL);
    await pairThroughChooser(strap, STRAP);
    expect([footpod, treadmill, strap].map((h) => h.source.info.deviceName)).to.deep.equal([FOOTPOD.name, TREADMILL.name, STRAP.name]);

    await sendMeasurement(rsc, FOOTPOD);
    await sendTreadmillData(belt, TREADMILL);
    await sendHeartRate(beat, STRAP);
    await sendHeartRate(beat, STRAP);
    await waitUntil(() => strap.received.length === 2, 'both heart rates arrive');
    await sleep(50);
    expect(footpod.received).to.deep.equal([Array.from(rsc)]);
    expect(treadmill.received).to.deep.equal([Array.from(belt)]);
    expect(strap.received).to.deep.equal([Array.from(beat), Array.from(beat)]);

    // One link drops: that sensor reconnects by itself; the others never notice.
    await dropLink(TREADMILL);
    await waitUntil(() => treadmill.states.at(-1) === 'connected' && treadmill.states.includes('reconnecting'), 'treadmill back', {
      timeout: 5000,
    });
    expect(footpod.states).to.deep.equal(['requesting', 'connecting', 'connected']);
    expect(strap.states).to.deep.equal(['requesting', 'connecting', 'connected']);
    await sendTreadmillData(belt, TREADMILL);
    await sendMeasurement(rsc, FOOTPOD);
    await waitUntil(() => treadmill.received.length === 2 && footpod.received.length === 2, 'both flow again');
  });

  it('remembers each sensor by its own id; a footpod without one passes over the ids of the others', async () => {
    await setupEmulatedFootpod(FOOTPOD);
    await addEmulatedTreadmill(TREADMILL);
    await addEmulatedHeartRateStrap(STRAP);
    // The treadmill first, so the browser's first allowed device is not the footpod.
    const treadmill = harness(new WebBluetoothTreadmill(undefined, fast));
    const footpod = harness(new WebBluetoothFootpod(undefined, fast));
    const strap = harness(new WebBluetoothHeartRate(undefined, fast));
    await pairThroughChooser(treadmill, TREADMILL);
    await pairThroughChooser(footpod, FOOTPOD);
    await pairThroughChooser(strap, STRAP);
    const ids = {
      footpod: footpod.source.info.deviceId!,
      treadmill: treadmill.source.info.deviceId!,
      strap: strap.source.info.deviceId!,
    };
    for (const h of [treadmill, footpod, strap]) h.source.disconnect();
    for (const device of [FOOTPOD, TREADMILL, STRAP]) await dropLink(device);

    const remembered = (options: ConstructorParameters<typeof WebBluetoothFootpod>[1]) =>
      harness(new WebBluetoothFootpod(undefined, { ...fast, ...options })).source.findRemembered();
    expect(await remembered({ otherIds: () => [ids.treadmill, ids.strap] })).to.deep.equal({ name: FOOTPOD.name });
    expect(await remembered({ otherIds: () => [ids.footpod, ids.strap] })).to.deep.equal({ name: TREADMILL.name });
    expect(await remembered({ rememberedId: () => ids.strap, otherIds: () => [ids.strap] })).to.deep.equal({ name: STRAP.name });

    const laterFootpod = harness(new WebBluetoothFootpod(undefined, { ...fast, rememberedId: () => ids.footpod }));
    const laterTreadmill = harness(new WebBluetoothTreadmill(undefined, { ...fast, rememberedId: () => ids.treadmill }));
    const laterStrap = harness(new WebBluetoothHeartRate(undefined, { ...fast, rememberedId: () => ids.strap }));
    await Promise.all([laterFootpod, laterTreadmill, laterStrap].map((h) => h.source.connectRemembered()));
    expect([laterFootpod, laterTreadmill, laterStrap].map((h) => [h.source.state, h.source.info.deviceName])).to.deep.equal([
      ['connected', FOOTPOD.name],
      ['connected', TREADMILL.name],
      ['connected', STRAP.name],
    ]);
    expect(ops(await operationLog(), 'chooser-opened')).to.have.length(3);
    await sendHeartRate(beat, STRAP);
    await waitUntil(() => laterStrap.received.length === 1);
    expect(laterFootpod.received.length + laterTreadmill.received.length).to.equal(0);
  });
});
