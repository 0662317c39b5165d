// What the app says and where it goes after files were opened with it (file_handlers) or shared to
// it (share_target). A run being recorded is never left: the runner is told where the import went.
import type { FileOutcome } from '../services/data-files.js';

/** The notice on the shell: each file's outcome in words, a refused file with its reason. */
export function openedFilesNotice(outcomes: readonly FileOutcome[], runGoingOn: boolean, shared: boolean): string {
  if (outcomes.length === 0) return shared ? 'Nothing came with the share: it held no file to import.' : 'No file came to open.';
  const lines = outcomes.map((outcome) => `${outcome.fileName}: ${outcome.message}`);
  const stored = outcomes.filter((outcome) => outcome.ok).length;
  if (runGoingOn && stored > 0) lines.push(`Your run goes on recording; ${stored === 1 ? 'the imported run is' : 'the imported runs are'} in History.`);
  return lines.join(' ');
}

/**
 * A shared file the service worker could not keep (share-cache.ts): `why` is 'full' when the
 * browser had no room for it, else the storage's own message.
 */
export function notKeptMessage(why: string): string {
  return why === 'full'
    ? 'Not imported: this device had no room left to keep it. Free some space, then share it again.'
    : `Not imported: the app could not keep it (${why || 'the browser refused'}). Share it again.`;
}

/** The page to show: the run when one file became one, History when several did; none while a run records or when nothing was stored. */
export function pageForOpenedFiles(outcomes: readonly FileOutcome[], runGoingOn: boolean): string | null {
  if (runGoingOn) return null;
  const stored = outcomes.filter((outcome) => outcome.ok && outcome.id);
  if (stored.length === 0) return null;
  return outcomes.length === 1 ? `/history/${stored[0]!.id}` : '/history';
}
