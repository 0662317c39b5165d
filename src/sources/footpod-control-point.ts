// Commands a runner can give a footpod through its SC Control Point (0x2A55): reset its
// distance, start calibration, change or list its sensor locations. The pod answers each
// request with an indication; this class pairs answer to request, one request at a time, and
// turns every ending (answer, refusal, silence, lost link) into a sentence. It never rejects.
// How bytes reach the pod is the link's business (Web Bluetooth or the simulator).

import { type ControlPointRequest, type ControlPointResponse, parseControlPointResponse } from '../ble/rsc-control-point.js';
import { parseRscFeature, type RscFeature } from '../ble/rsc.js';
import {
  answers,
  type ControlPointOpCode,
  encodeRequestSupportedLocations,
  encodeSetCumulativeDistance,
  encodeStartCalibration,
  encodeUpdateSensorLocation,
  featureAllows,
  RESPONSE_INVALID_PARAMETER,
  RESPONSE_OP_CODE_NOT_SUPPORTED,
  RESPONSE_OPERATION_FAILED,
  RESPONSE_SUCCESS,
} from '../ble/sc-control-point.js';
import { sensorLocationName } from '../ble/sensor-locations.js';

export interface ControlPointOutcome {
  ok: boolean;
  /** What happened, for the runner. */
  message: string;
  /** A successful requestSupportedLocations only: the pod's location codes. */
  supportedLocations?: readonly number[];
}

export interface ControlPointLink {
  connected(): boolean;
  /** Raw RSC Feature value as the pod reported it; null when it did not. */
  feature(): DataView | null;
  /** Enables indications if not yet, then writes; answers come back through controlPoint.indication(). */
  send(request: Uint8Array): Promise<void>;
  /** Told of every success, so the source can update what it knows about the pod. */
  succeeded?(request: ControlPointRequest, response: ControlPointResponse): void;
}

export interface FootpodControlPointOptions {
  /** How long a request may wait for its answer. Default 30 s, as the RSC spec's procedure timeout. */
  timeoutMs?: number;
}

export const controlPointMessages = {
  notConnected: 'Connect the footpod first.',
  // Refused rather than queued: a reset or calibration the runner pressed twice should happen once.
  busy: 'The footpod is still answering the last command. Wait for its answer, then try again.',
  notSupported: 'The footpod does not support this.',
  invalidValue: 'The footpod refused the value.',
  failed: 'The footpod could not do it.',
  noAnswer: (timeoutMs: number): string => `The footpod did not answer within ${Number((timeoutMs / 1000).toFixed(1))} s.`,
  linkLost: 'The footpod disconnected before it answered.',
  unknownAnswer: (value: number): string => `The footpod answered with a code Stridewise does not know (${value}).`,
  notSent: (reason: string): string => `Could not send the command to the footpod (${reason}). Try again.`,
  noCommands: 'This footpod takes no commands.',
  notOffered: {
    1: 'This footpod keeps no total distance, so there is nothing to reset.',
    2: 'This footpod does not offer calibration.',
    3: 'This footpod has only one sensor location.',
    4: 'This footpod has only one sensor location.',
  } satisfies Record<ControlPointOpCode, string>,
} as const;

interface Pending {
  request: ControlPointRequest;
  succeed(response: ControlPointResponse): ControlPointOutcome;
  finish(outcome: ControlPointOutcome): void;
}

/** Fires 'change' when a request starts or ends (see `pending`). */
export class FootpodControlPoint extends EventTarget {
  readonly #link: ControlPointLink;
  readonly #timeoutMs: number;
  #pending: Pending | null = null;

  constructor(link: ControlPointLink, { timeoutMs = 30_000 }: FootpodControlPointOptions = {}) {
    super();
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RangeError(`timeoutMs must be a positive number, not ${timeoutMs}`);
    this.#link = link;
    this.#timeoutMs = timeoutMs;
  }

  /** The op code waiting for its answer, or null. */
  get pending(): ControlPointOpCode | null {
    return this.#pending?.request.opCode ?? null;
  }

  /** What the feature bits let the runner ask; false for all when no pod is connected. */
  offers(opCode: ControlPointOpCode): boolean {
    return this.#link.connected() && featureAllows(this.#feature(), opCode);
  }

  /** Sets the pod's total distance counter, e.g. 0 to reset it. */
  setCumulativeDistance(metres: number): Promise<ControlPointOutcome> {
    return this.#run({ opCode: 1, cumulativeValueRaw: Math.round(metres * 10) }, () => encodeSetCumulativeDistance(metres), () => ({
      ok: true,
      message: `The footpod's distance is now ${metres} m.`,
    }));
  }

  startCalibration(): Promise<ControlPointOutcome> {
    return this.#run({ opCode: 2 }, encodeStartCalibration, () => ({ ok: true, message: 'Calibration started.' }));
  }

  updateSensorLocation(code: number): Promise<ControlPointOutcome> {
    return this.#run({ opCode: 3, sensorLocation: code }, () => encodeUpdateSensorLocation(code), () => ({
      ok: true,
      message: `The footpod now counts as worn: ${sensorLocationName(code)}.`,
    }));
  }

  requestSupportedLocations(): Promise<ControlPointOutcome> {
    return this.#run({ opCode: 4 }, encodeRequestSupportedLocations, (response) => {
      const supportedLocations = response.supportedLocations ?? [];
      const names = supportedLocations.map(sensorLocationName).join(', ');
      return {
        ok: true,
        message: supportedLocations.length > 0 ? `The footpod can be worn: ${names}.` : 'The footpod listed no locations.',
        supportedLocations,
      };
    });
  }

  /** The link calls this with every indication from 0x2A55. Malformed or stray ones are ignored: the timeout still ends the wait. */
  indication(view: DataView): void {
    const pending = this.#pending;
    if (!pending) return;
    let response: ControlPointResponse;
    try {
      response = parseControlPointResponse(view);
    } catch {
      return;
    }
    if (!answers(response, pending.request.opCode)) return;
    if (response.responseValue === RESPONSE_SUCCESS) {
      pending.finish(pending.succeed(response));
      this.#link.succeeded?.(pending.request, response);
    } else {
      pending.finish({ ok: false, message: failureMessage(response.responseValue) });
    }
  }

  /** The link dropped: a request still waiting will get no answer. */
  linkLost(): void {
    this.#pending?.finish({ ok: false, message: controlPointMessages.linkLost });
  }

  #feature(): RscFeature | null {
    const raw = this.#link.feature();
    if (!raw) return null;
    try {
      return parseRscFeature(raw);
    } catch {
      return null;
    }
  }

  #run(
    request: ControlPointRequest,
    encode: () => Uint8Array,
    succeed: (response: ControlPointResponse) => ControlPointOutcome,
  ): Promise<ControlPointOutcome> {
    const refuse = (message: string): Promise<ControlPointOutcome> => Promise.resolve({ ok: false, message });
    if (this.#pending) return refuse(controlPointMessages.busy);
    if (!this.#link.connected()) return refuse(controlPointMessages.notConnected);
    if (!featureAllows(this.#feature(), request.opCode)) return refuse(controlPointMessages.notOffered[request.opCode]);
    let bytes: Uint8Array;
    try {
      bytes = encode();
    } catch (error) {
      return refuse(`${controlPointMessages.invalidValue} (${error instanceof Error ? error.message : String(error)})`);
    }
    return new Promise<ControlPointOutcome>((resolve) => {
      let done = false;
      const finish = (outcome: ControlPointOutcome): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (this.#pending === pending) this.#pending = null;
        resolve(outcome);
        this.dispatchEvent(new Event('change'));
      };
      // One clock for the whole request, so a pod that hangs on the write times out too.
      const timer = setTimeout(() => finish({ ok: false, message: controlPointMessages.noAnswer(this.#timeoutMs) }), this.#timeoutMs);
      const pending: Pending = { request, succeed, finish };
      this.#pending = pending;
      this.dispatchEvent(new Event('change'));
      this.#link.send(bytes).catch((error: unknown) => finish({ ok: false, message: sendFailedMessage(error) }));
    });
  }
}

function failureMessage(responseValue: number): string {
  switch (responseValue) {
    case RESPONSE_OP_CODE_NOT_SUPPORTED:
      return controlPointMessages.notSupported;
    case RESPONSE_INVALID_PARAMETER:
      return controlPointMessages.invalidValue;
    case RESPONSE_OPERATION_FAILED:
      return controlPointMessages.failed;
    default:
      return controlPointMessages.unknownAnswer(responseValue);
  }
}

function sendFailedMessage(error: unknown): string {
  if (error instanceof DOMException && error.name === 'NotFoundError') return controlPointMessages.noCommands;
  if (error instanceof DOMException && error.name === 'NetworkError') return controlPointMessages.linkLost;
  return controlPointMessages.notSent(error instanceof Error ? error.message : String(error));
}
