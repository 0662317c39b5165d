// Which stored run a FIT file is, carried in the file itself: the run's id and the time it last
// changed, as two FIT developer fields on the session message. A backup folder synced to another
// computer is matched by this id, never by the file's name (a runner renames files, two runs share
// a name), and a copy is never written over a newer one (changedAt). Other readers skip fields they
// do not know, so the file stays an ordinary activity for Garmin Connect or Strava.

import type { DeveloperDataIdMesg, Encodable, Encoder, FieldDescriptionMesg, FitMessages, SessionMesg } from '@garmin/fitsdk';
import { Profile } from '@garmin/fitsdk';

/** The run a file holds, as its Stridewise id and the epoch ms of its last change. */
export interface FileRun {
  id: string;
  changedAt: number;
}

const MesgNum = Profile.MesgNum;
const DEVELOPER_DATA_INDEX = 0;
/** Stridewise's own application id ("stridewise-run-1" in ASCII), so another app's fields of the same names are not ours. */
const APPLICATION_ID = Array.from(new TextEncoder().encode('stridewise-run-1'));
const FIT_STRING = 7;
/** float64: an epoch ms is a whole number far below 2^53, so it travels exactly. */
const FIT_FLOAT64 = 0x89;
const ID_FIELD = 'stridewise_run_id';
const CHANGED_AT_FIELD = 'stridewise_changed_at';
/** FIT strings hold 255 bytes with their terminator; our ids are UUIDs (36). */
const MAX_ID_BYTES = 254;

const developerDataId: Encodable<DeveloperDataIdMesg> = {
  mesgNum: MesgNum.DEVELOPER_DATA_ID!,
  developerDataIndex: DEVELOPER_DATA_INDEX,
  applicationId: APPLICATION_ID,
  applicationVersion: 1,
};

const fieldDescription = (number: number, fieldName: string, type: number): Encodable<FieldDescriptionMesg> => ({
  mesgNum: MesgNum.FIELD_DESCRIPTION!,
  developerDataIndex: DEVELOPER_DATA_INDEX,
  fieldDefinitionNumber: number,
  fitBaseTypeId: type,
  fieldName,
});

const idDescription = fieldDescription(0, ID_FIELD, FIT_STRING);
const changedAtDescription = fieldDescription(1, CHANGED_AT_FIELD, FIT_FLOAT64);

/**
 * Declares the two fields to `encoder` and writes their descriptions, which a reader must meet
 * before the session message: call before writing any message that carries them.
 */
export function declareRunFields(encoder: Encoder): void {
  encoder.addDeveloperField(0, developerDataId, idDescription);
  encoder.addDeveloperField(1, developerDataId, changedAtDescription);
  encoder.writeMesg(developerDataId);
  encoder.writeMesg(idDescription);
  encoder.writeMesg(changedAtDescription);
}

/** The session message's developer fields for `run` (keys as declared by declareRunFields). */
export function runFields(run: FileRun): SessionMesg['developerFields'] {
  if (new TextEncoder().encode(run.id).length > MAX_ID_BYTES || run.id === '') throw new RangeError('A run id must be 1-254 bytes.');
  if (!Number.isSafeInteger(run.changedAt)) throw new RangeError('A run’s changedAt must be a whole number of ms.');
  return { 0: run.id, 1: run.changedAt };
}

const sameBytes = (a: unknown, b: readonly number[]): boolean =>
  Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);

/** The run a decoded file says it is, or null when it carries no Stridewise id (a watch's file). */
export function fileRunOf(messages: FitMessages): FileRun | null {
  const ours = (messages.developerDataIdMesgs ?? []).find((m) => sameBytes(m.applicationId, APPLICATION_ID));
  if (ours === undefined) return null;
  const index = ours.developerDataIndex;
  const descriptions = (messages.fieldDescriptionMesgs ?? []).filter((d) => d.developerDataIndex === index);
  // The decoder keys developer fields by the order their descriptions came, not by number.
  const keyOf = (name: string): string | undefined => {
    const found = descriptions.find((d) => d.fieldName === name) as (FieldDescriptionMesg & { key?: number }) | undefined;
    return found?.key === undefined ? undefined : String(found.key);
  };
  const idKey = keyOf(ID_FIELD);
  const changedKey = keyOf(CHANGED_AT_FIELD);
  if (idKey === undefined || changedKey === undefined) return null;
  for (const session of messages.sessionMesgs ?? []) {
    const fields = session.developerFields ?? {};
    const id = fields[idKey];
    const changedAt = fields[changedKey];
    if (typeof id === 'string' && id !== '' && typeof changedAt === 'number' && Number.isSafeInteger(changedAt)) return { id, changedAt };
  }
  return null;
}
