// The footpods this browser has seen, each with the cadence unit detected for it and the runner's
// override, kept in the settings. Stored lists pass through knownFootpodsFrom, so a damaged entry
// is dropped rather than breaking the settings.

import type { CadenceUnit, CadenceUnitOverride } from './cadence-unit.js';

export interface KnownFootpod {
  /** Stable identity of the pod on this origin (see footpodIdOf in app/footpod-cadence). */
  id: string;
  /** The name it last advertised; outside text, shown only as text. */
  name: string | null;
  detected: CadenceUnit | null;
  override: CadenceUnitOverride;
}

/** Older pods fall off the end: the list is for the few a runner owns, not a log. */
export const MOST_KNOWN_FOOTPODS = 20;
const LONGEST_TEXT = 200;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isUnit = (value: unknown): value is CadenceUnit => value === 'steps' || value === 'strides';
const isOverride = (value: unknown): value is CadenceUnitOverride => value === 'auto' || isUnit(value);
const isShortText = (value: unknown): value is string => typeof value === 'string' && value.length <= LONGEST_TEXT;

export function knownFootpodsFrom(value: unknown): KnownFootpod[] {
  if (!Array.isArray(value)) return [];
  const pods: KnownFootpod[] = [];
  for (const entry of value as unknown[]) {
    if (!isRecord(entry) || !isShortText(entry['id']) || entry['id'] === '') continue;
    const id = entry['id'];
    if (pods.some((pod) => pod.id === id)) continue;
    const { name, detected, override } = entry;
    pods.push({
      id,
      name: isShortText(name) ? name : null,
      detected: isUnit(detected) ? detected : null,
      override: isOverride(override) ? override : 'auto',
    });
    if (pods.length === MOST_KNOWN_FOOTPODS) break;
  }
  return pods;
}

export function knownFootpod(pods: readonly KnownFootpod[], id: string): KnownFootpod | undefined {
  return pods.find((pod) => pod.id === id);
}

/** The list with this pod first (added if new), changed as asked. */
export function rememberFootpod(
  pods: readonly KnownFootpod[],
  pod: Pick<KnownFootpod, 'id' | 'name'>,
  change: Partial<Pick<KnownFootpod, 'detected' | 'override'>> = {},
): KnownFootpod[] {
  const before = knownFootpod(pods, pod.id);
  const updated: KnownFootpod = {
    id: pod.id,
    name: pod.name ?? before?.name ?? null,
    detected: before?.detected ?? null,
    override: before?.override ?? 'auto',
    ...change,
  };
  return [updated, ...pods.filter((p) => p.id !== pod.id)].slice(0, MOST_KNOWN_FOOTPODS);
}

/** The list with the runner's choice for one pod changed in place (the order stays). */
export function withOverride(pods: readonly KnownFootpod[], id: string, override: CadenceUnitOverride): KnownFootpod[] {
  return pods.map((pod) => (pod.id === id ? { ...pod, override } : pod));
}
