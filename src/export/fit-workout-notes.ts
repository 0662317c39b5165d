// A step's incline in the words FIT carries it in (a step's notes, as FIT has no incline target),
// and back: only a note that is exactly this form is read as an incline, so a watch's own notes
// ("Keep it easy") stay notes and never turn into a belt setting.

const INCLINE_NOTE = /^Incline (-?\d+(?:\.\d+)?(?:e-?\d+)?) %$/;

export const inclineNote = (percent: number): string => `Incline ${String(percent)} %`;

/** The incline a note states, or null when the note is anything else. */
export function inclineFromNote(note: unknown): number | null {
  if (typeof note !== 'string') return null;
  const match = INCLINE_NOTE.exec(note.trim());
  const value = match ? Number(match[1]) : Number.NaN;
  return Number.isFinite(value) ? value : null;
}
