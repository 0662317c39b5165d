import { expect } from '@open-wc/testing';
import type { ShownDates } from './dates-on-every-page.js';

/** Every date shown for the recorded run reads `recorded`, for the imported one `imported`, and titles are "Run <that>". */
export function expectOneFormat(shown: ShownDates, recorded: string, imported: string): void {
  expect(shown.history, 'History: title and date of each run').to.deep.equal([
    { title: `Run ${recorded}`, date: recorded },
    { title: `Run ${imported}`, date: imported },
  ]);
  expect(shown.runPage.map((p) => p.title), "the run's page titles").to.deep.equal([`Run ${recorded}`, `Run ${imported}`]);
  expect(shown.runPage[0]!.meta.startsWith(recorded), shown.runPage[0]!.meta).to.equal(true);
  expect(shown.runPage[1]!.meta.startsWith(imported), shown.runPage[1]!.meta).to.equal(true);
  expect(shown.runPage[1]!.meta, "the imported run's file is in its details").to.contain('imported from Morning_Run_2026-12-07.fit');
  expect(shown.compareOptions, 'Compare lists both by title and date').to.include.members([`Run ${recorded} · ${recorded}`, `Run ${imported} · ${imported}`]);
  expect(shown.recoveryPrompt).to.contain(`An unfinished run from ${recorded} (`);
  expect(shown.importOutcome).to.equal(`Imported “Run ${imported}”.`);
}
