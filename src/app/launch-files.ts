// Files that came to the app from outside: opened with the installed app (the launch queue's file
// handles) or shared to it on a phone (kept by the service worker, see share-cache.ts). Each goes in
// through DataService.importFiles, like a file picked in Settings; then the shell says what became of
// each, and the run is shown unless one is being recorded. Loaded only when such files arrive.
import { Router } from '@vaadin/router';
import type { FileOutcome } from '../services/data-files.js';
import type { AppServices } from '../services/services.js';
import { notKeptMessage, openedFilesNotice, pageForOpenedFiles } from './launch-words.js';
import { SHARED_FILES_CACHE } from './share-cache.js';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Start-up refused the store (data.problem says why, e.g. written by a newer version): nothing is written into it. */
const storeRefused = (fileName: string, shared: boolean): FileOutcome => ({
  fileName,
  ok: false,
  message: shared
    ? 'Not imported: the stored data cannot be used as it is (said above). The file is kept and imported at a start where it can be.'
    : 'Not imported: the stored data cannot be used as it is (said above). Open the file again once that is put right.',
});

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
export async function openLaunchedFiles(services: AppServices, handles: readonly FileSystemHandle[], usable = true): Promise<void> {
  if (!usable) return show(services, handles.map((handle) => storeRefused(handle.name, false)), false);
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
 * The files shared to the app, as the service worker keeps them: each read, imported, and let go of
 * as soon as its run is stored (a page closed meanwhile leaves only the others for the next start);
 * one whose run could not be stored (storage full) is kept for the next start. `landing` is the
 * share's landing address (share-cache.ts): how many files came and which the service worker could
 * not keep; without `shared`, files found at start. One window at a time takes them.
 */
export async function openSharedFiles(services: AppServices, landing: URLSearchParams, usable = true): Promise<void> {
  const announced = landing.get('shared');
  const why = landing.getAll('why');
  const notKept = landing.getAll('lost').map((fileName, n): FileOutcome => ({ fileName, ok: false, message: notKeptMessage(why[n] ?? '') }));
  const take = async (): Promise<void> => {
    const cache = await caches.open(SHARED_FILES_CACHE);
    const keys = await cache.keys();
    const files: File[] = [];
    const keyOf = new Map<File, Request>();
    for (const key of keys) {
      const response = await cache.match(key);
      if (!response) continue;
      const name = decodeURIComponent(response.headers.get('x-file-name') ?? 'shared%20file');
      const file = new File([await response.blob()], name, { type: response.headers.get('content-type') ?? '' });
      files.push(file);
      keyOf.set(file, key);
    }
    // Another window took them first and says so itself; an empty share is said here.
    if (files.length === 0 && notKept.length === 0 && announced !== '0') return;
    if (!usable) return show(services, [...files.map((file) => storeRefused(file.name, true)), ...notKept], true);
    let n = 0;
    const letGo = async (outcome: FileOutcome): Promise<void> => {
      const key = keyOf.get(files[n++]!);
      // A run that could not be stored waits for the next start; a file that is not a run would be refused again.
      if (key && !outcome.notStored) await cache.delete(key).catch(() => undefined);
    };
    const outcomes = files.length > 0 ? await services.data.importFiles(files, letGo) : [];
    show(
      services,
      [...outcomes.map((outcome) => (outcome.notStored ? { ...outcome, message: `${outcome.message} The file is kept and imported at the next start.` } : outcome)), ...notKept],
      true,
    );
  };
  if ('locks' in navigator) await navigator.locks.request(SHARED_FILES_CACHE, take);
  else await take();
}
