import { expect } from '@open-wc/testing';
import { exportFileName, workoutFileName } from '../../src/export/download-name.js';

describe('exportFileName', () => {
  it('names the file by the local date and start time, whatever the session is called', () => {
    const startedAt = new Date(2026, 10, 25, 7, 54, 31).getTime(); // local time, as the runner saw it
    expect(exportFileName({ startedAt }, 'fit')).to.equal('stridewise-2026-11-25-0754.fit');
    expect(exportFileName({ startedAt }, 'tcx')).to.equal('stridewise-2026-11-25-0754.tcx');
    expect(exportFileName({ startedAt: new Date(2027, 0, 3, 18, 5).getTime() }, 'csv')).to.equal('stridewise-2027-01-03-1805.csv');
  });

  it('still gives a safe name for an unreadable start time', () => {
    expect(exportFileName({ startedAt: Number.NaN }, 'fit')).to.equal('stridewise-run.fit');
  });
});

describe('workoutFileName', () => {
  it("names a workout's file by its last change in local time, never by its name", () => {
    expect(workoutFileName(new Date(2026, 11, 7, 9, 30).getTime())).to.equal('stridewise-workout-2026-12-07-0930.fit');
    expect(workoutFileName(Number.NaN)).to.equal('stridewise-workout.fit');
  });
});
