// The retraining program lives under one key, `program`, beside the settings; the backup carries it
// with the other stored values. Reads and writes never throw at the service: a failure comes back
// as a sentence for the runner, and a damaged value is reported, never taken for "no program".

import { del, get, setMany } from 'idb-keyval';
import type { ProgramState } from '../program/program-types.js';
import { programStateFrom } from '../program/program-state.js';
import { SCHEMA_KEY, SCHEMA_VERSION, kvStore } from './kv.js';
import { PROGRAM_KEY } from './program-key.js';
import { describeStoreError } from './store-errors.js';

export interface LoadedProgram {
  /** Null: none started, or the stored one could not be read (then `problem` says so). */
  program: ProgramState | null;
  problem: string | null;
  /** Something is stored under the key that is not a program: starting a new one would replace it. */
  damaged: boolean;
}

export async function loadProgram(): Promise<LoadedProgram> {
  try {
    const stored: unknown = await get(PROGRAM_KEY, kvStore());
    if (stored === undefined) return { program: null, problem: null, damaged: false };
    const program = programStateFrom(stored);
    if (program) return { program, problem: null, damaged: false };
    return {
      program: null,
      problem: 'The stored program is damaged and could not be read. Restore a backup to get it back, or start the program again.',
      damaged: true,
    };
  } catch (error) {
    return { program: null, problem: `The program could not be read: ${describeStoreError(error)}`, damaged: false };
  }
}

/** Stores the program (null removes it); resolves to a problem sentence when that failed, else null. */
export async function saveProgram(program: ProgramState | null): Promise<string | null> {
  try {
    if (program === null) await del(PROGRAM_KEY, kvStore());
    else await setMany([[SCHEMA_KEY, SCHEMA_VERSION], [PROGRAM_KEY, program]], kvStore());
    return null;
  } catch (error) {
    return `The program could not be saved: ${describeStoreError(error)} Until it is, a reload loses what changed.`;
  }
}
