// Fitness Machine Status (0x2ADA): what the treadmill did on its own, or confirms it did. Status
// wins over the app (the runner pressed Stop, pulled the safety key, or another app took control),
// so an op code we do not know is kept with its number rather than refused, and only a packet too
// short for the value its op code carries is an FtmsParseError.
import { FtmsParseError } from './ftms-treadmill.js';

export const STATUS_RESET = 0x01;
export const STATUS_STOPPED_OR_PAUSED = 0x02;
export const STATUS_STOPPED_BY_SAFETY_KEY = 0x03;
export const STATUS_STARTED_OR_RESUMED = 0x04;
export const STATUS_TARGET_SPEED_CHANGED = 0x05;
export const STATUS_TARGET_INCLINE_CHANGED = 0x06;
export const STATUS_CONTROL_PERMISSION_LOST = 0xff;

export type FitnessMachineStatus =
  | { kind: 'reset' }
  /** `how` is null when the treadmill left out the parameter: it still stopped, so it is not refused. */
  | { kind: 'stopped-or-paused-by-user'; how: 'stop' | 'pause' | null }
  | { kind: 'stopped-by-safety-key' }
  | { kind: 'started-or-resumed' }
  | { kind: 'target-speed-changed'; kmh: number }
  | { kind: 'target-incline-changed'; percent: number }
  | { kind: 'control-permission-lost' }
  | { kind: 'unknown'; opCode: number };

function requireLength(view: DataView, length: number, what: string): void {
  if (view.byteLength < length) {
    throw new FtmsParseError(`Fitness Machine Status ${what} needs ${length} bytes, got ${view.byteLength}`);
  }
}

export function parseFitnessMachineStatus(view: DataView): FitnessMachineStatus {
  requireLength(view, 1, 'op code');
  const opCode = view.getUint8(0);
  switch (opCode) {
    case STATUS_RESET:
      return { kind: 'reset' };
    case STATUS_STOPPED_OR_PAUSED: {
      const parameter = view.byteLength >= 2 ? view.getUint8(1) : null;
      const how = parameter === 0x01 ? 'stop' : parameter === 0x02 ? 'pause' : null;
      return { kind: 'stopped-or-paused-by-user', how };
    }
    case STATUS_STOPPED_BY_SAFETY_KEY:
      return { kind: 'stopped-by-safety-key' };
    case STATUS_STARTED_OR_RESUMED:
      return { kind: 'started-or-resumed' };
    case STATUS_TARGET_SPEED_CHANGED:
      requireLength(view, 3, 'target speed changed');
      return { kind: 'target-speed-changed', kmh: view.getUint16(1, true) / 100 };
    case STATUS_TARGET_INCLINE_CHANGED:
      requireLength(view, 3, 'target incline changed');
      return { kind: 'target-incline-changed', percent: view.getInt16(1, true) / 10 };
    case STATUS_CONTROL_PERMISSION_LOST:
      return { kind: 'control-permission-lost' };
    default:
      return { kind: 'unknown', opCode };
  }
}

/** What the runner is told; the three that stop the workout say so and say who stopped it. */
export function describeStatus(status: FitnessMachineStatus): string {
  switch (status.kind) {
    case 'reset':
      return 'The treadmill was reset.';
    case 'stopped-or-paused-by-user':
      return status.how === 'pause' ? 'The belt was paused on the treadmill.' : 'The belt was stopped on the treadmill.';
    case 'stopped-by-safety-key':
      return 'The safety key stopped the belt.';
    case 'started-or-resumed':
      return 'The belt was started on the treadmill.';
    case 'target-speed-changed':
      return `The treadmill's speed was set to ${status.kmh.toFixed(2)} km/h.`;
    case 'target-incline-changed':
      return `The treadmill's incline was set to ${status.percent.toFixed(1)} %.`;
    case 'control-permission-lost':
      return 'The treadmill took control back from the app.';
    case 'unknown':
      return `The treadmill sent status 0x${status.opCode.toString(16).padStart(2, '0')}.`;
  }
}
