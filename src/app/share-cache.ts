// Where the service worker keeps files shared to the app (share_target) until a page imports them:
// a cache of its own, so the precache's clean-up never touches it and a closed page loses nothing.
export const SHARED_FILES_CACHE = 'stridewise-shared-files';
/** The page the service worker answers a share with; `shared` says how many files it kept, each `lost` (with its `why`: 'full' or a message) one it could not keep. */
export const SHARED_LANDING = '/history?shared=';
