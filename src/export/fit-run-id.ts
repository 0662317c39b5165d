// Which stored run a FIT file is, carried in the file itself: the run's id and the time it last
// changed, as two FIT developer fields on the session message. A backup folder synced to another
// computer is matched by this id, never by the file's name (a runner renames files, two runs share
// a name), and a copy is never written over a newer one (changedAt). Other readers skip fields they
// do not know, so the file stays an ordinary activity for Garmin Connect or Strava.
// Beside them, what a restore needs to show the run as its page did and FIT has no field for: the
// cadence zones its time in zone was counted with (a second browser's own may differ), and which
// of the session's totals are a watch's own (an imported run) rather than Stridewise's sums of
// its records, so a recorded run read back never speaks of a watch; and the run's start to the
// millisecond (FIT times are whole seconds: a run started at 23:59:59.6 on a Sunday would come back
// on Monday, in the next week, under another title).

import type { DeveloperDataIdMesg, Encodable, Encoder, FieldDescriptionMesg, FitMessages, SessionMesg } from '@garmin/fitsdk';
import { Profile } from '@garmin/fitsdk';
import type { FileTotals } from '../session/stated-totals.js';
import type { CadenceZones } from '../session/zones.js';

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
const FIT_UINT8 = 0x02;
const ID_FIELD = 'stridewise_run_id';
const CHANGED_AT_FIELD = 'stridewise_changed_at';
/** float64: zones stored before edges had to be whole steps may hold a half step. */
const ZONE_FIELDS = ['stridewise_zone_building_from', 'stridewise_zone_target_from', 'stridewise_zone_target_to'] as const;
/** One bit per figure of WATCH_TOTALS: set where the session's figure is the watch's own. */
const WATCH_TOTALS_FIELD = 'stridewise_watch_totals';
const WATCH_TOTALS = ['movingS', 'distanceM', 'avgCadence', 'avgHeartRate', 'avgPowerW'] as const satisfies readonly (keyof FileTotals)[];
/** float64 epoch ms of the first sample, as STARTED_AT_FIELD's reader checks it against the first record's second. */
const STARTED_AT_FIELD = 'stridewise_started_at';
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

/** In key order: the key of each is its place here (runFields writes them so). */
const descriptions = [
  fieldDescription(0, ID_FIELD, FIT_STRING),
  fieldDescription(1, CHANGED_AT_FIELD, FIT_FLOAT64),
  ...ZONE_FIELDS.map((name, k) => fieldDescription(2 + k, name, FIT_FLOAT64)),
  fieldDescription(5, WATCH_TOTALS_FIELD, FIT_UINT8),
  fieldDescription(6, STARTED_AT_FIELD, FIT_FLOAT64),
];

/**
 * Declares the fields to `encoder` and writes their descriptions, which a reader must meet
 * before the session message: call before writing any message that carries them.
 */
export function declareRunFields(encoder: Encoder): void {
  descriptions.forEach((description, key) => encoder.addDeveloperField(key, developerDataId, description));
  encoder.writeMesg(developerDataId);
  for (const description of descriptions) encoder.writeMesg(description);
}

/** What the file says of its run beyond which run it is (see the top of this file). */
export interface RunFacts {
  /** The zones the run's time in zone was counted with. */
  zones: CadenceZones;
  /** The figures of the session message that are a watch's own; none for a run Stridewise recorded. */
  watchTotals: readonly (keyof FileTotals)[];
  /** Epoch ms of the run's first sample, to the millisecond; read back only where it lies within a second of the first record. */
  startedAt?: number;
}

/** The session message's developer fields for `run` (keys as declared by declareRunFields). */
export function runFields(run: FileRun, facts: RunFacts): SessionMesg['developerFields'] {
  if (new TextEncoder().encode(run.id).length > MAX_ID_BYTES || run.id === '') throw new RangeError('A run id must be 1-254 bytes.');
  if (!Number.isSafeInteger(run.changedAt)) throw new RangeError('A run’s changedAt must be a whole number of ms.');
  const { buildingFrom, targetFrom, targetTo } = facts.zones;
  const mask = WATCH_TOTALS.reduce((bits, key, bit) => (facts.watchTotals.includes(key) ? bits | (1 << bit) : bits), 0);
  const startedAt = facts.startedAt !== undefined && Number.isFinite(facts.startedAt) ? { 6: Math.round(facts.startedAt) } : {};
  return { 0: run.id, 1: run.changedAt, 2: buildingFrom, 3: targetFrom, 4: targetTo, 5: mask, ...startedAt };
}

const sameBytes = (a: unknown, b: readonly number[]): boolean =>
  Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);

/** Our fields' values by name, per session message; null for a file with none of ours (a watch's). */
function ownFieldsOf(messages: FitMessages): ((name: string) => unknown)[] | null {
  const ours = (messages.developerDataIdMesgs ?? []).find((m) => sameBytes(m.applicationId, APPLICATION_ID));
  if (ours === undefined) return null;
  const index = ours.developerDataIndex;
  const described = (messages.fieldDescriptionMesgs ?? []).filter((d) => d.developerDataIndex === index);
  // The decoder keys developer fields by the order their descriptions came, not by number.
  const keyOf = (name: string): string | undefined => {
    const found = described.find((d) => d.fieldName === name) as (FieldDescriptionMesg & { key?: number }) | undefined;
    return found?.key === undefined ? undefined : String(found.key);
  };
  return (messages.sessionMesgs ?? []).map((session) => {
    const fields = session.developerFields ?? {};
    return (name) => {
      const key = keyOf(name);
      return key === undefined ? undefined : fields[key];
    };
  });
}

/** The run a decoded file says it is, or null when it carries no Stridewise id (a watch's file). */
export function fileRunOf(messages: FitMessages): FileRun | null {
  for (const field of ownFieldsOf(messages) ?? []) {
    const id = field(ID_FIELD);
    const changedAt = field(CHANGED_AT_FIELD);
    if (typeof id === 'string' && id !== '' && typeof changedAt === 'number' && Number.isSafeInteger(changedAt)) return { id, changedAt };
  }
  return null;
}

const isEdge = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0 && value < 1000;

/**
 * What our own file says of its run (zones, which totals are a watch's), or null for a file not
 * ours. A file of ours that does not mark its totals as a watch's has none of a watch's: its
 * session message is Stridewise's own sums. Zones that are not three rising edges are left out.
 */
export function runFactsOf(messages: FitMessages): Partial<RunFacts> & Pick<RunFacts, 'watchTotals'> | null {
  const sessions = ownFieldsOf(messages);
  if (sessions === null) return null;
  const field = sessions.find((f) => f(ID_FIELD) !== undefined) ?? sessions[0];
  const [buildingFrom, targetFrom, targetTo] = ZONE_FIELDS.map((name) => field?.(name));
  const zones =
    isEdge(buildingFrom) && isEdge(targetFrom) && isEdge(targetTo) && buildingFrom < targetFrom && targetFrom < targetTo
      ? { buildingFrom, targetFrom, targetTo }
      : undefined;
  const mask = field?.(WATCH_TOTALS_FIELD);
  const watchTotals = typeof mask === 'number' ? WATCH_TOTALS.filter((_, bit) => (mask & (1 << bit)) !== 0) : [];
  const startedAt = field?.(STARTED_AT_FIELD);
  return { ...(zones ? { zones } : {}), watchTotals, ...(typeof startedAt === 'number' && Number.isSafeInteger(startedAt) ? { startedAt } : {}) };
}
