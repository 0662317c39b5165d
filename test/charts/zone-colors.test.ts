// The four zone colours stay apart for the common colour-vision deficiencies, in both themes:
// each pair is simulated (Machado et al. 2009, severity 1.0, on linear sRGB) and compared by
// CIEDE2000. 10 is a difference anyone notices side by side (2.3 is "just noticeable"); the zones
// also carry words and shapes, so colour is never the only cue.
import { expect } from '@open-wc/testing';
import { zoneColor, zoneColors } from '../../src/charts/zone-colors.js';
import { zoneIds } from '../../src/session/zones.js';
import { ciede2000, type Deficiency, labOf } from '../support/colour-vision.js';
import { themes, useTheme } from '../support/app-theme.js';

const MIN_DIFFERENCE = 10;
const deficiencies: readonly Deficiency[] = ['protanopia', 'deuteranopia', 'tritanopia'];

/** The closest pair of zone colours as seen with `deficiency` (or normal vision). */
function closestPair(colors: readonly string[], deficiency?: Deficiency): { difference: number; pair: string } {
  let closest = { difference: Infinity, pair: '' };
  for (let i = 0; i < colors.length; i++) {
    for (let j = i + 1; j < colors.length; j++) {
      const difference = ciede2000(labOf(colors[i]!, deficiency), labOf(colors[j]!, deficiency));
      if (difference < closest.difference) closest = { difference, pair: `${zoneIds[i]}/${zoneIds[j]}` };
    }
  }
  return closest;
}

describe('zone colours', () => {
  after(() => useTheme('dark'));

  it('are the theme\'s own custom properties, for CSS and for a canvas alike', async () => {
    await useTheme('dark');
    const dark = zoneIds.map(zoneColor);
    await useTheme('light');
    const light = zoneIds.map(zoneColor);
    for (const color of [...dark, ...light]) expect(color).to.match(/^#[0-9a-f]{6}$/);
    expect(light).to.not.deep.equal(dark);
    expect(zoneIds.map((zone) => zoneColors[zone])).to.deep.equal(zoneIds.map((zone) => `var(--zone-${zone})`));
  });

  for (const theme of themes) {
    it(`stay at least ${MIN_DIFFERENCE} apart (CIEDE2000) with protanopia, deuteranopia and tritanopia, ${theme} theme`, async () => {
      await useTheme(theme);
      const colors = zoneIds.map(zoneColor);
      const seen = deficiencies.map((deficiency) => ({ deficiency, ...closestPair(colors, deficiency) }));
      // Printed so a change of palette shows its margin (quoted in reports).
      console.log(`${theme}: normal ${closestPair(colors).difference.toFixed(1)}; ${seen.map((s) => `${s.deficiency} ${s.difference.toFixed(1)} (${s.pair})`).join('; ')}`);
      for (const s of seen) expect(s.difference, `${s.deficiency}: ${s.pair}`).to.be.at.least(MIN_DIFFERENCE);
    });
  }
});

describe('colour-vision simulation and CIEDE2000', () => {
  it('gives the published CIEDE2000 figures (Sharma, Wu & Dalal 2005 test pairs)', () => {
    expect(ciede2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).to.be.closeTo(2.0425, 1e-4);
    expect(ciede2000([50, 2.5, 0], [73, 25, -18])).to.be.closeTo(27.1492, 1e-4);
    expect(ciede2000([2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514])).to.be.closeTo(0.9082, 1e-4);
  });

  it('leaves grey alone and folds red and green together for protanopia and deuteranopia', () => {
    const grey = labOf('#808080');
    for (const deficiency of deficiencies) expect(ciede2000(grey, labOf('#808080', deficiency))).to.be.below(1);
    const apart = ciede2000(labOf('#d62728'), labOf('#2ca02c'));
    for (const deficiency of ['protanopia', 'deuteranopia'] as const) {
      expect(ciede2000(labOf('#d62728', deficiency), labOf('#2ca02c', deficiency))).to.be.below(apart / 2);
    }
  });
});
