// The schedule as an iCalendar file: one all-day event per planned item, text escaped and folded
// as RFC 5545 asks, every line ended by CRLF.
import { expect } from '@open-wc/testing';
import { programCalendar } from '../../src/export/program-calendar.js';
import type { ScheduleItem } from '../../src/program/program-types.js';
import { at } from '../program/program-fixtures.js';

const session = (n: number, dayMs: number, done = false): ScheduleItem => ({
  kind: 'session',
  block: 1,
  n,
  dayMs,
  minutes: 15,
  targetSpm: 172,
  metronomeShare: 1,
  done: done ? ({} as never) : null,
});
const words = (item: ScheduleItem) => ({ summary: item.kind === 'session' ? `Session ${item.n} of 8` : 'Test', description: 'Run 15 minutes; at 172, metronome on.' });

describe('programCalendar', () => {
  it('has one all-day event per planned item, with its date and stable UID', () => {
    const items = [session(1, at(2026, 12, 2, 0, 0), true), session(2, at(2026, 12, 4, 0, 0)), session(3, at(2026, 12, 6, 0, 0))];
    const text = programCalendar(items, words, Date.UTC(2026, 11, 3, 9, 5, 7));
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).to.equal(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).to.equal(true);
    expect(text.match(/BEGIN:VEVENT/g)).to.have.length(2);
    expect(text).to.contain('DTSTART;VALUE=DATE:20261204\r\n');
    expect(text).to.contain('DTSTART;VALUE=DATE:20261206\r\n');
    expect(text).to.contain('DTSTAMP:20261203T090507Z\r\n');
    expect(text).to.contain('UID:stridewise-program-block1-session2@stridewise\r\n');
    expect(text).to.contain('SUMMARY:Session 2 of 8\r\n');
    expect(text).to.contain('DESCRIPTION:Run 15 minutes\\; at 172\\, metronome on.\r\n');
    expect(text.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
  });
});
