// What the app can ask a connected footpod, and what it shows about it: the shapes the footpod
// service hands the Settings page (kept here, below the UI, so the service needs no component).

import type { ControlPointOutcome } from './footpod-control-point.js';
import type { FootpodInfo } from './footpod-source.js';

export type FootpodCommand =
  | { kind: 'reset-distance' }
  | { kind: 'calibrate' }
  | { kind: 'set-location'; location: number }
  | { kind: 'list-locations' };
export type FootpodCommandKind = FootpodCommand['kind'];

/** What the connected pod is and offers; FootpodService.details builds it. */
export interface FootpodDetails {
  info: FootpodInfo;
  /** Commands the pod's feature bits allow (and the source can send). */
  offers: { resetDistance: boolean; calibrate: boolean; locations: boolean };
  /** The command waiting for the pod's answer. */
  pending: FootpodCommandKind | null;
  /** The last command's answer, in words. */
  outcome: { kind: FootpodCommandKind; outcome: ControlPointOutcome } | null;
}
