import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { footpodIdOf } from '../../src/services/footpod-cadence.js';
import { createServices, type AppServices } from '../../src/services/services.js';
import { SettingsService } from '../../src/services/settings-service.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';

useSeparateDatabase('stride-test-footpod-cadence');

const made: AppServices[] = [];
async function servicesWith(pod: () => SimulatedFootpod): Promise<{ services: AppServices; pod: SimulatedFootpod }> {
  let current: SimulatedFootpod | null = null;
  // A slow clock: the test emits every measurement itself with emitSeconds.
  const services = createServices({ simulator: () => (current = pod()) });
  made.push(services);
  await services.settings.load();
  await services.footpod.simulate();
  return { services, pod: current! };
}
const cadences = (services: AppServices) => Array.from(services.footpod.session!.samples.column('cadence'));
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('FootpodCadence', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => {
    for (const services of made.splice(0)) services.footpod.disconnect();
  });

  it('names a pod by its id, else by its name, apart per kind of source', () => {
    const info = { deviceId: null, deviceName: null, feature: null, sensorLocation: null, batteryLevel: null };
    expect(footpodIdOf({ kind: 'bluetooth', info: { ...info, deviceId: 'q1w2==', deviceName: 'Stryd' } })).to.equal('bluetooth:q1w2==');
    expect(footpodIdOf({ kind: 'bluetooth', info: { ...info, deviceName: 'Stryd' } })).to.equal('bluetooth-name:Stryd');
    expect(footpodIdOf({ kind: 'simulator', info: { ...info, deviceId: 'simulated' } })).to.equal('simulator:simulated');
    expect(footpodIdOf({ kind: 'bluetooth', info })).to.equal(null);
  });

  it('detects a strides pod, shows steps/min, and remembers it for the next run', async () => {
    const first = await servicesWith(() => new SimulatedFootpod({ speedup: 1e-6, cadenceUnit: 'strides', seed: 2 }));
    first.pod.emitSeconds(10);
    expect(first.services.footpod.session!.samples.length).to.be.at.least(10);
    expect(cadences(first.services).every((c) => c >= 150 && c <= 190), `steps/min: ${cadences(first.services).join(', ')}`).to.equal(true);
    expect(first.services.settings.settings.footpods).to.deep.equal([
      { id: 'simulator:simulated-strides', name: 'Simulated stride pod', detected: 'strides', override: 'auto' },
    ]);
    first.services.footpod.disconnect();
    await settle();

    const saved = new SettingsService();
    await saved.load();
    expect(saved.settings.footpods[0]).to.deep.include({ id: 'simulator:simulated-strides', detected: 'strides' });

    const next = await servicesWith(() => new SimulatedFootpod({ speedup: 1e-6, cadenceUnit: 'strides', seed: 3 }));
    expect(next.services.footpod.session!.cadenceUnit.applied, 'known before the first reading').to.equal('strides');
  });

  it('keeps pods apart: a steps pod learns nothing from a strides pod', async () => {
    const strides = await servicesWith(() => new SimulatedFootpod({ speedup: 1e-6, cadenceUnit: 'strides' }));
    strides.pod.emitSeconds(6);
    strides.services.footpod.disconnect();
    const steps = await servicesWith(() => new SimulatedFootpod({ speedup: 1e-6 }));
    expect(steps.services.footpod.session!.cadenceUnit.applied).to.equal(null);
    steps.pod.emitSeconds(6);
    expect(steps.services.settings.settings.footpods.map((p) => [p.id, p.detected])).to.deep.equal([
      ['simulator:simulated', 'steps'],
      ['simulator:simulated-strides', 'strides'],
    ]);
  });

  it('applies the override from the settings to the running session at once', async () => {
    const { services, pod } = await servicesWith(() => new SimulatedFootpod({ speedup: 1e-6, cadenceUnit: 'strides' }));
    pod.emitSeconds(6);
    const { footpods } = services.settings.settings;
    await services.settings.update({ footpods: footpods.map((p) => ({ ...p, override: 'steps' as const })) });
    const before = services.footpod.session!.samples.length;
    pod.emitSeconds(3);
    const sent = cadences(services).slice(before);
    expect(sent.every((c) => c >= 75 && c <= 95), `as sent: ${sent.join(', ')}`).to.equal(true);
    expect(services.footpod.session!.cadenceUnit.detected).to.equal('strides');
    expect(services.footpod.session!.latest!.cadence).to.equal(services.footpod.session!.latest!.sent!.cadence);
  });

  it('saves nothing before the stored settings are read, then applies what they remember', async () => {
    const zones = { buildingFrom: 150, targetFrom: 165, targetTo: 175 };
    const remembered = { id: 'simulator:simulated-strides', name: 'Simulated stride pod', detected: 'strides' as const, override: 'auto' as const };
    const earlier = new SettingsService();
    await earlier.load();
    await earlier.update({ zones, footpods: [remembered] });

    let pod: SimulatedFootpod | null = null;
    const services = createServices({ simulator: () => (pod = new SimulatedFootpod({ speedup: 1e-6, cadenceUnit: 'strides', seed: 4 })) });
    made.push(services);
    await services.footpod.simulate(); // a quick click, while the stored settings are still being read
    expect(services.footpod.session!.cadenceUnit.applied).to.equal(null);
    pod!.emitSeconds(2);
    await settle();
    const stored = new SettingsService();
    await stored.load();
    expect(stored.settings.zones, 'the runner\'s zones are not overwritten').to.deep.equal(zones);

    await services.settings.load();
    expect(services.settings.settings.zones).to.deep.equal(zones);
    expect(services.footpod.session!.cadenceUnit.applied, 'the memory arrives late but still applies').to.equal('strides');
    pod!.emitSeconds(6);
    expect(services.settings.settings.footpods).to.deep.equal([remembered]);
  });
});
