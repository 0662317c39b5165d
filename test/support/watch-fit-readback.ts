// A watch's FIT file read back with Garmin's own decoder, so tests and the bench compare an
// importer with what the file itself says (its session message), not with the generator's
// variables: a mistake in the generator's encoding then shows up as a disagreement, not as a pass.

import { Decoder, type FitMessages, type SessionMesg, Stream } from '@garmin/fitsdk';

export interface WatchFitReadback {
  /** The header and file CRCs match. */
  integrity: boolean;
  messages: FitMessages;
  errors: unknown[];
}

export function readWatchFit(bytes: Uint8Array): WatchFitReadback {
  const decoder = new Decoder(Stream.fromByteArray(bytes));
  const integrity = decoder.checkIntegrity();
  const { messages, errors } = decoder.read({
    expandComponents: true,
    expandSubFields: true,
    applyScaleAndOffset: true,
    convertTypesToStrings: true,
    convertDateTimesToDates: true,
  });
  return { integrity, messages, errors };
}

/** The session message's totals, as the watch wrote them. */
export interface FitSessionTotals {
  sport: SessionMesg['sport'];
  subSport: SessionMesg['subSport'];
  startTime: Date;
  totalElapsedTime: number;
  /** Seconds with the timer running: what the watch calls the activity's time. */
  totalTimerTime: number;
  totalDistance: number;
  avgSpeedMps: number;
  /** `avgCadence + avgFractionalCadence`: strides per minute on foot, rpm on a bike. */
  avgCyclesPerMinute: number;
  /** Twice that on foot (both feet), the rpm itself on a bike. */
  avgStepsPerMinute: number;
}

const need = (value: number | undefined, name: string): number => {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`the session message has no ${name}`);
  return value;
};

export function readFitSessionTotals(bytes: Uint8Array): FitSessionTotals {
  const { messages, errors } = readWatchFit(bytes);
  if (errors.length > 0) throw new Error(`the FIT file did not decode: ${String(errors[0])}`);
  const sessions = messages.sessionMesgs ?? [];
  if (sessions.length !== 1) throw new Error(`expected one session message, found ${sessions.length}`);
  const session = sessions[0]!;
  if (!(session.startTime instanceof Date)) throw new Error('the session message has no start time');
  const cycles = need(session.avgCadence, 'avgCadence') + (session.avgFractionalCadence ?? 0);
  return {
    sport: session.sport,
    subSport: session.subSport,
    startTime: session.startTime,
    totalElapsedTime: need(session.totalElapsedTime, 'totalElapsedTime'),
    totalTimerTime: need(session.totalTimerTime, 'totalTimerTime'),
    totalDistance: need(session.totalDistance, 'totalDistance'),
    avgSpeedMps: need(session.enhancedAvgSpeed ?? session.avgSpeed, 'avgSpeed'),
    avgCyclesPerMinute: cycles,
    avgStepsPerMinute: session.sport === 'cycling' ? cycles : 2 * cycles,
  };
}
