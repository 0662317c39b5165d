// rv-ui2: a step typed as a whole number of miles must be listed as that many miles. The editor
// keeps a distance to a tenth of a metre, rounding 1609.344 m down to 1609.3 m, and the list cuts
// the total to the hundredth: a 1 mi step reads "1 mi" in its summary but "0.99 mi" in its length,
// and a 5 mi tempo "4.99 mi".
import { expect } from '@open-wc/testing';
import { parseLength } from '../../../src/components/workout-fields.js';
import { totalsWords } from '../../../src/components/stride-workout-list.js';
import type { StepLength, Workout } from '../../../src/workout/workout-types.js';

const typed = (text: string): StepLength => {
  const parsed = parseLength(text, 'distance', 'mi');
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
};
const workout = (length: StepLength): Workout => ({
  id: 'w', name: 'Miles', origin: 'mine', updatedAt: 1,
  items: [{ kind: 'step', name: 'Tempo', intensity: 'active', length, speedKmh: 12, inclinePercent: null, cadence: null }],
});

describe('rv-ui2 a workout of whole miles', () => {
  for (const miles of ['1', '5']) {
    it(`a single step typed as ${miles} mi is listed as ${miles}.00 mi`, () => {
      // Issue 19: a workout's steps by distance in the runner's unit; the list's length is the
      // number the runner picks a workout by, and it must not be less than what they typed.
      expect(totalsWords(workout(typed(miles)), 'mi')).to.contain(`${miles}.00 mi`);
    });
  }
});
