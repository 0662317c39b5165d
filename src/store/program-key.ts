// Where the retraining program is stored, and the one look each start makes for it: small on
// purpose, as start-up imports it, and the program's store and rules load only when there is one.

import { get } from 'idb-keyval';
import { kvStore } from './kv.js';

export const PROGRAM_KEY = 'program';

/** Whether anything is stored under the program's key; true also when the store cannot be read, so the full load says why. */
export const programStored = (): Promise<boolean> =>
  get(PROGRAM_KEY, kvStore()).then(
    (value) => value !== undefined,
    () => true,
  );
