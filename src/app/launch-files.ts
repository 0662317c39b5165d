// Files that came to the app from outside: opened with the installed app (the launch queue's file
// handles) or shared to it on a phone (kept by the service worker, see share-cache.ts). Each goes in
// through DataService.importFiles, like a file picked in Settings; then the shell says what became of
// each, and the run is shown unless one is being recorded. Loaded only when such files arrive.
import { Router } from '@vaadin/router';
import type { FileOutcome } from '../services/data-files.js';
import type { AppServices } from '../services/services.js';
import { openedFilesNotice, pageForOpenedFiles } from './launch-words.js';
import { SHARED_FILES_CACHE } from './share-cache.js';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function show(services: AppServices, outcomes: readonly FileOutcome[], shared: boolean): void {
  const { state } = services.recording;
  const runGoingOn = state === 'recording' || state === 'paused';
  services.data.announce(openedFilesNotice(outcomes, runGoingOn, shared), outcomes.length > 0 && outcomes.every((outcome) => outcome.ok));
  const page = pageForOpenedFiles(outcomes, runGoingOn);
  if (page) Router.go(page);
  // A share's landing address is not one to come back to: a reload would say it all again.
  else if (location.search.includes('shared=')) history.replaceState(history.state, '', location.pathname);
}

/** The files the app was launched with (launchQueue's handles; a folder or a file gone is said, not thrown). */
export async function openLaunchedFiles(services: AppServices, handles: readonly FileSystemHandle[]): Promise<void> {
  const files: File[] = [];
  const unreadable: FileOutcome[] = [];
  for (const handle of handles) {
    try {
      if (handle.kind !== 'file') throw new Error('This is a folder: open the .fit or .tcx files in it.');
      files.push(await (handle as FileSystemFileHandle).getFile());
    } catch (error) {
      unreadable.push({ fileName: handle.name, ok: false, message: `Stridewise could not read it: ${message(error)}` });
    }
  }
  const outcomes = files.length > 0 ? await services.data.importFiles(files) : [];
  show(services, [...outcomes, ...unreadable], false);
}

/**
 * The files shared to the app, as the service worker keeps them: read, imported, then removed (only
 * then: a page closed before that finds them again at the next start). `announced` is how many the
 * share's landing address says came, or null when found at start; one window at a time takes them.
 */
export async function openSharedFiles(services: AppServices, announced: number | null): Promise<void> {
  const take = async (): Promise<void> => {
    const cache = await caches.open(SHARED_FILES_CACHE);
    const keys = await cache.keys();
    const files: File[] = [];
    for (const key of keys) {
      const response = await cache.match(key);
      if (!response) continue;
      const name = decodeURIComponent(response.headers.get('x-file-name') ?? 'shared%20file');
      files.push(new File([await response.blob()], name, { type: response.headers.get('content-type') ?? '' }));
    }
    // Another window took them first and says so itself; an empty share is said here.
    if (files.length === 0 && announced !== 0) return;
    const outcomes = files.length > 0 ? await services.data.importFiles(files) : [];
    for (const key of keys) await cache.delete(key);
    show(services, outcomes, true);
  };
  if ('locks' in navigator) await navigator.locks.request(SHARED_FILES_CACHE, take);
  else await take();
}
