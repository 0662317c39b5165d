import { expect } from '@open-wc/testing';
import { liveChartOptions } from '../../src/charts/live-chart-options.js';
import { zoneBands } from '../../src/charts/zone-bands-plugin.js';
import { defaultCadenceZones } from '../../src/session/zones.js';

describe('live chart options', () => {
  it('cadence chart draws zone bands through a plugin, not extra series', () => {
    const options = liveChartOptions({ kind: 'cadence', width: 600, height: 200, zones: () => defaultCadenceZones });
    expect(options.series).to.have.length(2);
    expect(options.plugins).to.have.length(1);
    expect(options.plugins![0]!.hooks.drawClear).to.be.a('function');
  });

  it('stride chart has no zone bands', () => {
    const options = liveChartOptions({ kind: 'stride', width: 600, height: 200, zones: () => defaultCadenceZones });
    expect(options.plugins).to.have.length(0);
    expect(options.series[1]!.label).to.match(/Stride/);
  });

  it('bands cover the four zones edge to edge', () => {
    expect(zoneBands(defaultCadenceZones)).to.deep.equal([
      { zone: 'low', from: 0, to: 160 },
      { zone: 'building', from: 160, to: 170 },
      { zone: 'target', from: 170, to: 180 },
      { zone: 'high', from: 180, to: 400 },
    ]);
  });
});
