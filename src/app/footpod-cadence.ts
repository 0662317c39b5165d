// Steps or strides, per footpod, across runs: hands each live session what is known about the pod
// feeding it (its remembered unit and the runner's override), and remembers what the session
// detects, so the next run is right from its first reading.

import type { FootpodSource } from '../sources/footpod-source.js';
import { CadenceUnitDecision } from '../session/cadence-unit-decision.js';
import { knownFootpod, rememberFootpod } from '../session/known-footpods.js';
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
    footpod.addEventListener('sample', () => this.#remember());
    settings.addEventListener('change', () => this.#applyOverride());
  }

  /** A new session, or a new pod feeding it, starts from what is known about that pod. */
  #follow(): void {
    const session = this.footpod.session;
    const source = this.footpod.source;
    const podId = source ? footpodIdOf(source) : null;
    if (session === this.#session && podId === this.#podId) return;
    this.#session = session;
    this.#podId = podId;
    if (!session) return;
    const known = podId ? knownFootpod(this.settings.settings.footpods, podId) : undefined;
    session.useCadenceUnit(new CadenceUnitDecision({ remembered: known?.detected ?? null, override: known?.override ?? 'auto' }));
    const name = source?.info.deviceName ?? null;
    if (podId && (!known || (name !== null && known.name !== name))) this.#save(podId, {});
  }

  #remember(): void {
    const detected = this.#session?.cadenceUnit.detected ?? null;
    if (!this.#podId || detected === null) return;
    if (knownFootpod(this.settings.settings.footpods, this.#podId)?.detected !== detected) this.#save(this.#podId, { detected });
  }

  #applyOverride(): void {
    const known = this.#podId ? knownFootpod(this.settings.settings.footpods, this.#podId) : undefined;
    if (this.#session && known) this.#session.cadenceUnit.override = known.override;
  }

  #save(podId: string, change: Parameters<typeof rememberFootpod>[2]): void {
    const name = this.footpod.source?.info.deviceName ?? null;
    const footpods = rememberFootpod(this.settings.settings.footpods, { id: podId, name }, change);
    // A failed save is reported by the settings service; the detection still applies to this run.
    void this.settings.update({ footpods });
  }
}
