// Steps or strides, per footpod, across runs: hands each live session what is known about the pod
// feeding it (its remembered unit and the runner's override), and remembers what the session
// detects, so the next run is right from its first reading.

import type { FootpodSource } from '../sources/footpod-source.js';
import { CadenceUnitDecision } from '../session/cadence-unit-decision.js';
import { type KnownFootpod, knownFootpod, rememberFootpod } from '../session/known-footpods.js';
import type { LiveSession } from '../session/live-session.js';
import type { FootpodService } from './footpod-service.js';
import type { SettingsService } from './settings-service.js';

/** The key a pod is remembered by: its stable id when the source has one, else its name. */
export function footpodIdOf(source: Pick<FootpodSource, 'kind' | 'info'>): string | null {
  const { deviceId, deviceName } = source.info;
  if (deviceId) return `${source.kind}:${deviceId}`;
  return deviceName ? `${source.kind}-name:${deviceName}` : null;
}

export class FootpodCadence {
  #session: LiveSession | null = null;
  #podId: string | null = null;

  constructor(
    private readonly footpod: FootpodService,
    private readonly settings: SettingsService,
  ) {
    // 'change' comes with the pod's info, before its first measurement; 'sample' after each one.
    footpod.addEventListener('change', () => this.#follow());
    footpod.addEventListener('sample', () => this.#rememberPod());
    settings.addEventListener('change', () => this.#onSettings());
  }

  /** A new session, or a new pod feeding it, starts from what is known about that pod. */
  #follow(): void {
    const session = this.footpod.session;
    const source = this.footpod.source;
    const podId = source ? footpodIdOf(source) : null;
    if (session === this.#session && podId === this.#podId) return;
    this.#session = session;
    this.#podId = podId;
    session?.useCadenceUnit(this.#decisionFor(podId));
    this.#rememberPod();
  }

  #onSettings(): void {
    const session = this.#session;
    const known = this.#known();
    if (!session || !known) return;
    // Settings read after the pod connected bring its memory late; before a decision it still helps.
    if (session.cadenceUnit.detected === null && known.detected !== null) session.useCadenceUnit(this.#decisionFor(known.id));
    else session.cadenceUnit.override = known.override;
    this.#rememberPod();
  }

  #decisionFor(podId: string | null): CadenceUnitDecision {
    const known = podId ? knownFootpod(this.settings.settings.footpods, podId) : undefined;
    return new CadenceUnitDecision({ remembered: known?.detected ?? null, override: known?.override ?? 'auto' });
  }

  #known(): KnownFootpod | undefined {
    return this.#podId ? knownFootpod(this.settings.settings.footpods, this.#podId) : undefined;
  }

  /** Saves what is new about the pod: first sight, a new name, a new detection. */
  #rememberPod(): void {
    const podId = this.#podId;
    // Saving before the stored settings are read would overwrite them with the defaults.
    if (!podId || !this.settings.loaded) return;
    const known = this.#known();
    const name = this.footpod.source?.info.deviceName ?? null;
    const detected = this.#session?.cadenceUnit.detected ?? null;
    const newName = name !== null && known?.name !== name;
    const newDetection = detected !== null && known?.detected !== detected;
    if (known && !newName && !newDetection) return;
    const footpods = rememberFootpod(this.settings.settings.footpods, { id: podId, name }, detected === null ? {} : { detected });
    // A failed save is reported by the settings service; the detection still applies to this run.
    void this.settings.update({ footpods });
  }
}
