// How often a screen reader hears an export's progress: a polite live region read at every run of
// 300 would talk for minutes after the zip is done. The start and the end are always said; the
// count in between at most every few seconds.

/** The least time between two progress counts read out, in ms. */
export const ANNOUNCE_EVERY_MS = 5000;

/** Whether a new count is read out, `lastAt` being when the last was (null: none yet in this export). */
export const countIsAnnounced = (lastAt: number | null, now: number): boolean => lastAt === null || now - lastAt >= ANNOUNCE_EVERY_MS;
