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
/** When the program began: its events' UIDs name it. */
const PROGRAM = Date.UTC(2026, 11, 1, 7);
const words = (item: ScheduleItem) => ({ summary: item.kind === 'session' ? `Session ${item.n} of 8` : 'Test', description: 'Run 15 minutes; at 172, metronome on.' });

describe('programCalendar', () => {
  it('has one all-day event per planned item, with its date and stable UID', () => {
    const items = [session(1, at(2026, 12, 2, 0, 0), true), session(2, at(2026, 12, 4, 0, 0)), session(3, at(2026, 12, 6, 0, 0))];
    const text = programCalendar(items, words, Date.UTC(2026, 11, 3, 9, 5, 7), PROGRAM);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).to.equal(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).to.equal(true);
    expect(text.match(/BEGIN:VEVENT/g)).to.have.length(2);
    expect(text).to.contain('DTSTART;VALUE=DATE:20261204\r\n');
    expect(text).to.contain('DTSTART;VALUE=DATE:20261206\r\n');
    expect(text).to.contain('DTSTAMP:20261203T090507Z\r\n');
    expect(text).to.contain(`UID:stridewise-program-${PROGRAM}-block1-session2@stridewise\r\n`);
    expect(text).to.contain('SUMMARY:Session 2 of 8\r\n');
    expect(text).to.contain('DESCRIPTION:Run 15 minutes\\; at 172\\, metronome on.\r\n');
    expect(text.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
  });
});

describe('programCalendar: text', () => {
  const one = (summary: string, description: string): string =>
    programCalendar([session(1, at(2026, 12, 4, 0, 0))], () => ({ summary, description }), Date.UTC(2026, 11, 3), PROGRAM);
  /** The content lines, unfolded (RFC 5545 3.1: CRLF followed by one space is removed). */
  const unfolded = (text: string): string[] => text.replace(/\r\n /g, '').split('\r\n');
  const uids = (text: string) => unfolded(text).filter((l) => l.startsWith('UID:'));

  it('escapes backslashes, semicolons, commas and line breaks in text values', () => {
    const text = one('a\\b;c,d', 'line one\nline two\r\nthree\rfour');
    expect(unfolded(text)).to.include('SUMMARY:a\\\\b\\;c\\,d');
    expect(unfolded(text)).to.include('DESCRIPTION:line one\\nline two\\nthree\\nfour');
  });

  it('folds lines at 75 octets, never inside a character, and unfolds to the same text', () => {
    const long = `Session 5 of 8: 22 minutes at 172 — métronome für 75 % of it ${'ü€😀'.repeat(30)} end`;
    const text = one(long, 'x'.repeat(200));
    const bytes = new TextEncoder();
    for (const line of text.split('\r\n')) expect(bytes.encode(line).length, line).to.be.at.most(75);
    expect(text.split('\r\n').filter((l) => l.startsWith(' ')).length).to.be.greaterThan(4);
    expect(unfolded(text)).to.include(`SUMMARY:${long}`);
    expect(unfolded(text)).to.include(`DESCRIPTION:${'x'.repeat(200)}`);
    // 212 octets: 75, then 74 after the continuation's space, then the last 63 after another.
    const description = text.slice(text.indexOf('DESCRIPTION:')).split('\r\n').slice(0, 3);
    expect(description.map((l) => l.length)).to.deep.equal([75, 75, 64]);
  });

  it('ends every line with CRLF, and has no bare CR or LF', () => {
    const text = one('a\nb', 'c\rd');
    expect(text.endsWith('\r\n')).to.equal(true);
    expect(text.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
  });

  it('gives each planned item its own UID, the same in a later export', () => {
    const items: ScheduleItem[] = [
      session(4, at(2026, 12, 8, 0, 0)),
      session(5, at(2026, 12, 10, 0, 0)),
      { kind: 'test', block: 1, test: 'end-of-block', dayMs: at(2026, 12, 12, 0, 0), speedMps: 2.8, done: null },
      { kind: 'test', block: 1, test: 'one-week', dayMs: at(2026, 12, 19, 0, 0), speedMps: 2.8, done: null },
      { kind: 'test', block: 1, test: 'four-weeks', dayMs: at(2027, 1, 9, 0, 0), speedMps: 2.8, done: null },
    ];
    const first = uids(programCalendar(items, words, Date.UTC(2026, 11, 3), PROGRAM));
    expect(new Set(first).size).to.equal(5);
    // A week later session 4 moved two days: same event, new date.
    const moved = items.map((i) => (i.kind === 'session' && i.n === 4 ? { ...i, dayMs: at(2026, 12, 10, 0, 0) } : i));
    expect(uids(programCalendar(moved, words, Date.UTC(2026, 11, 10), PROGRAM))).to.deep.equal(first);
    expect(programCalendar(items, words, 0, PROGRAM).match(/BEGIN:VEVENT/g)).to.have.length(5);
  });

  it('gives a program begun again other UIDs, so its events never replace the old program\'s', () => {
    // Ended and begun again: the same "block 1 session 4" is another event (the old one stays the old program's).
    const items = [session(4, at(2026, 12, 8, 0, 0)), session(5, at(2026, 12, 10, 0, 0))];
    const first = uids(programCalendar(items, words, Date.UTC(2026, 11, 3), PROGRAM));
    const again = uids(programCalendar(items, words, Date.UTC(2026, 11, 3), PROGRAM + 3 * 86_400_000));
    expect(again).to.have.length(2);
    for (const uid of again) expect(first).not.to.include(uid);
  });

  it('counts SEQUENCE up in a later export, so a calendar takes the moved date on re-import', () => {
    const sequences = (text: string) => unfolded(text).filter((l) => l.startsWith('SEQUENCE:')).map((l) => Number(l.slice(9)));
    const items = [session(4, at(2026, 12, 8, 0, 0)), session(5, at(2026, 12, 10, 0, 0))];
    const moved = [session(4, at(2026, 12, 10, 0, 0)), session(5, at(2026, 12, 12, 0, 0))];
    const before = sequences(programCalendar(items, words, PROGRAM + 2 * 86_400_000, PROGRAM));
    // A second later, after a session moved: still higher.
    const after = sequences(programCalendar(moved, words, PROGRAM + 2 * 86_400_000 + 1000, PROGRAM));
    expect(before).to.have.length(2);
    expect(before.every((n) => Number.isInteger(n) && n >= 0 && n < 2 ** 31)).to.equal(true);
    after.forEach((n, i) => expect(n, `event ${i}`).to.be.greaterThan(before[i]!));
    // A clock set back before the program began still writes a valid INTEGER.
    expect(sequences(programCalendar(items, words, PROGRAM - 1000, PROGRAM))).to.deep.equal([0, 0]);
  });
});
