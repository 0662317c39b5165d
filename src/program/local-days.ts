// The program plans local calendar days. A day is not always 24 hours (a daylight-saving change
// makes it 23 or 25), so days move with the calendar (setDate), never by adding milliseconds.

/** Local midnight of the day `ms` falls on. */
export function dayStart(ms: number): number {
  const day = new Date(ms);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/** Local midnight `days` calendar days after (or before, when negative) the day of `dayMs`. */
export function addDays(dayMs: number, days: number): number {
  const day = new Date(dayMs);
  day.setDate(day.getDate() + days);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/** Whole calendar days from the day of `fromMs` to the day of `toMs` (negative when earlier). */
export function daysBetween(fromMs: number, toMs: number): number {
  // Rounding absorbs the hour a daylight-saving change adds to or takes from a day.
  return Math.round((dayStart(toMs) - dayStart(fromMs)) / 86_400_000);
}
