// The SensorService end to end in the browser: a treadmill and a strap (scripted sources speaking
// real FTMS and Heart Rate bytes) beside a scripted footpod, through the service into the live
// session's rows, and the device ids into the settings in Chromium's real IndexedDB.
import { expect, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/services/services.js';
import { SettingsService } from '../../src/services/settings-service.js';
import type { SensorOptions } from '../../src/services/sensor-service.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import { ScriptedBluetoothFootpod, ScriptedHeartRate, ScriptedTreadmill } from '../support/scripted-sensor.js';

useSeparateDatabase('stride-test-sensor-service');

let services: AppServices;
let pod: ScriptedFootpod;
let treadmill: ScriptedTreadmill;
let strap: ScriptedHeartRate;

async function withSensors(footpod: ScriptedFootpod | ScriptedBluetoothFootpod = new ScriptedFootpod('Pod A')) {
  if (footpod instanceof ScriptedFootpod) pod = footpod;
  services = createServices({ simulator: () => footpod }, {}, null, {
    treadmill: (options: SensorOptions) => (treadmill = new ScriptedTreadmill('treadmill-1', 'Belt 3000', options.rememberedId)),
    'heart-rate': (options: SensorOptions) => (strap = new ScriptedHeartRate('strap-1', 'Chest strap', options.rememberedId)),
  });
  await services.settings.load();
  await services.footpod.simulate();
}

/** The settings as stored in IndexedDB, read by a service of their own. */
async function stored() {
  const settings = new SettingsService();
  await settings.load();
  return settings.settings;
}

const lastRow = () => {
  const samples = services.footpod.session!.samples;
  const at = samples.length - 1;
  return {
    heartRate: samples.column('heartRate')[at]!,
    treadmillSpeedMps: samples.column('treadmillSpeedMps')[at]!,
    inclinePercent: samples.column('inclinePercent')[at]!,
  };
};

describe('SensorService', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => {
    for (const sensor of ['treadmill', 'heart-rate'] as const) services.sensors.disconnect(sensor);
    services.footpod.disconnect();
  });

  it('brings the treadmill’s speed and incline and the strap’s heart rate into the session’s rows', async () => {
    await withSensors();
    await services.sensors.pair('treadmill');
    await services.sensors.pair('heart-rate');
    expect(treadmill.connects).to.deep.equal(['chooser']);
    pod.send(0, { speedMps: 3 });
    treadmill.send(0.2, { speedMps: 3.2, inclinationPercent: 2.5 });
    strap.send(0.3, 151);
    pod.send(1, { speedMps: 3 });
    const session = services.footpod.session!;
    expect(session.samples.length).to.equal(2);
    expect(lastRow()).to.deep.equal({ heartRate: 151, treadmillSpeedMps: 3.2, inclinePercent: 2.5 });
    const latest = session.latest!;
    expect([latest.heartRate, latest.treadmillSpeedMps, latest.inclinePercent]).to.deep.equal([151, 3.2, 2.5]);
    // The first row came before either sensor spoke: nothing made up for it.
    expect(Number.isNaN(session.samples.column('heartRate')[0]!)).to.equal(true);
    expect(session.latestChannels).to.deep.equal({ heartRate: 151, treadmillSpeedMps: 3.2, inclinePercent: 2.5, powerW: null });
  });

  it('remembers each sensor’s device id once connected, and reconnects it without the chooser after a reload', async () => {
    await withSensors();
    expect(services.sensors.anyRemembered).to.equal(false);
    await services.sensors.pair('heart-rate');
    await waitUntil(() => services.settings.settings.sensors.heartRateId === 'strap-1', 'the strap remembered');
    expect(services.settings.settings.sensors.treadmillId).to.equal(null);
    expect(services.sensors.anyRemembered).to.equal(true);
    expect(services.sensors.remembered('heart-rate')).to.deep.equal({ name: 'Chest strap' });
    await waitUntil(async () => (await stored()).sensors.heartRateId === 'strap-1', 'saved in IndexedDB');

    // The next visit: a new app finds the strap the browser knows, and reconnects it.
    services.sensors.disconnect('heart-rate');
    services.footpod.disconnect();
    await withSensors();
    expect(services.sensors.anyRemembered).to.equal(true);
    await services.sensors.prepare();
    expect(strap.lookedForRemembered).to.equal(1);
    expect(treadmill.lookedForRemembered, 'no treadmill was ever paired: none looked for').to.equal(0);
    expect(services.sensors.remembered('heart-rate')).to.deep.equal({ name: 'Chest strap' });
    expect(services.sensors.remembered('treadmill')).to.equal(null);
    await services.sensors.reconnectRemembered('heart-rate');
    expect(strap.connects).to.deep.equal(['remembered']);
    expect(services.sensors.source('heart-rate')!.state).to.equal('connected');
  });

  it('remembers a strap and a footpod that connected before the stored settings were read, once they are', async () => {
    const bluetoothPod = new ScriptedBluetoothFootpod('pod-device-9', 'Stryd');
    services = createServices({ simulator: () => bluetoothPod }, {}, null, {
      treadmill: (options: SensorOptions) => (treadmill = new ScriptedTreadmill('treadmill-1', 'Belt 3000', options.rememberedId)),
      'heart-rate': (options: SensorOptions) => (strap = new ScriptedHeartRate('strap-1', 'Chest strap', options.rememberedId)),
    });
    await services.footpod.simulate();
    await services.sensors.pair('heart-rate');
    expect(services.settings.loaded, 'not read yet').to.equal(false);
    expect(services.settings.settings.sensors.heartRateId, 'saving now would overwrite the stored settings').to.equal(null);
    await services.settings.load();
    await waitUntil(() => services.settings.settings.sensors.heartRateId === 'strap-1', 'the strap remembered after the read');
    await waitUntil(() => services.settings.settings.sensors.footpodId === 'pod-device-9', 'the pod remembered after the read');
    await waitUntil(async () => (await stored()).sensors.heartRateId === 'strap-1', 'saved in IndexedDB');
  });

  it('remembers a Bluetooth footpod’s device id too, so its reconnect never picks the strap', async () => {
    const bluetoothPod = new ScriptedBluetoothFootpod('pod-device-7', 'Stryd');
    await withSensors(bluetoothPod);
    await waitUntil(() => services.settings.settings.sensors.footpodId === 'pod-device-7', 'the pod remembered');
    await waitUntil(async () => (await stored()).sensors.footpodId === 'pod-device-7', 'saved in IndexedDB');
    // Only the pod: a footpod is not a treadmill or a strap to show on the next visit.
    expect(services.sensors.anyRemembered).to.equal(false);
  });

  it('empties a channel in the very next row once its sensor disconnects, and keeps the other', async () => {
    await withSensors();
    await services.sensors.pair('treadmill');
    await services.sensors.pair('heart-rate');
    treadmill.send(0, { speedMps: 3.1, inclinationPercent: 1 });
    strap.send(0, 148);
    pod.send(0, {});
    expect(lastRow()).to.deep.equal({ heartRate: 148, treadmillSpeedMps: 3.1, inclinePercent: 1 });

    services.sensors.disconnect('heart-rate');
    // Without the disconnect, the strap's last value would count as fresh for three more rows.
    pod.send(1, {});
    expect(Number.isNaN(lastRow().heartRate)).to.equal(true);
    expect(services.footpod.session!.latest!.heartRate).to.equal(null);
    expect(lastRow().treadmillSpeedMps).to.equal(3.1);

    services.sensors.disconnect('treadmill');
    expect(services.footpod.session!.latestChannels).to.deep.equal({ heartRate: null, treadmillSpeedMps: null, inclinePercent: null, powerW: null });
    pod.send(2, {});
    const row = lastRow();
    expect([Number.isNaN(row.treadmillSpeedMps), Number.isNaN(row.inclinePercent)]).to.deep.equal([true, true]);
    expect(services.footpod.session!.latest!.speedFrom).to.equal('footpod');
  });

  it('simulate() connects a simulated treadmill and strap whose values reach the rows, and remembers neither', async () => {
    await withSensors();
    pod.send(0, {});
    await services.sensors.simulate();
    expect(services.sensors.simulating).to.equal(true);
    const session = services.footpod.session!;
    await waitUntil(
      () => session.latestChannels.heartRate !== null && session.latestChannels.treadmillSpeedMps !== null,
      'the simulated sensors spoke',
      { timeout: 3000 },
    );
    expect(services.sensors.source('treadmill')!.kind).to.equal('simulator');
    expect(services.sensors.source('heart-rate')!.state).to.equal('connected');
    pod.send(1, {});
    const row = lastRow();
    expect(row.heartRate).to.be.within(80, 200);
    expect(row.treadmillSpeedMps).to.be.within(1, 6);
    expect(row.inclinePercent).to.equal(1);
    expect(services.settings.settings.sensors).to.deep.equal({ treadmillId: null, heartRateId: null, footpodId: null });
    // Pairing a real strap replaces the simulated one.
    await services.sensors.pair('heart-rate');
    expect(services.sensors.source('heart-rate') === strap).to.equal(true);
    expect(services.sensors.source('treadmill')!.kind).to.equal('simulator');
  });
});
