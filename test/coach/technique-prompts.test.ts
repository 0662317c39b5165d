import { expect } from '@open-wc/testing';
import { techniquePrompts } from '../../src/coach/technique-prompts.js';

describe('technique prompts', () => {
  it('offers at least 8 prompts with unique ids', () => {
    expect(techniquePrompts.length).to.be.at.least(8);
    expect(new Set(techniquePrompts.map((p) => p.id)).size).to.equal(techniquePrompts.length);
  });

  it('keeps each short enough to read at a glance and speak in a few seconds', () => {
    for (const prompt of techniquePrompts) {
      expect(prompt.title.length, prompt.id).to.be.within(3, 30);
      expect(prompt.text.length, prompt.id).to.be.within(20, 160);
      expect(prompt.text, prompt.id).to.match(/[.!?]$/);
    }
  });

  it('covers the core advice: landing under the hips and counting the right foot', () => {
    const texts = techniquePrompts.map((p) => `${p.title} ${p.text}`.toLowerCase());
    expect(texts.some((t) => t.includes('under') && t.includes('hips'))).to.equal(true);
    expect(texts.some((t) => t.includes('right foot') && t.includes('30 seconds'))).to.equal(true);
  });
});
