// Where start-up finds whether a backup folder was chosen (localStorage, read before any folder code
// loads), and the name of the folder's own database. A test file on a database of its own
// (kv.ts useSeparateDatabase) gets its own of both: files run side by side in one browser profile.
import { separateDatabaseName } from './kv.js';

export const folderChosenKey = (): string => ['stride-folder', separateDatabaseName()].filter(Boolean).join(':');
