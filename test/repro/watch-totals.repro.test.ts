import { expect } from '@open-wc/testing';
import { decodeTcx, encodeTcx } from '../../src/export/tcx.js';
import { importedSummary } from '../../src/export/imported-summary.js';
import { importedSession } from '../../src/export/imported-session.js';
import { defaultCadenceZones } from '../../src/session/zones.js';

const NS = 'http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2';
const AX = 'http://www.garmin.com/xmlschemas/ActivityExtension/v2';
const START = Date.UTC(2026, 2, 2, 6, 30, 0);
const iso = (s: number): string => new Date(START + s * 1000).toISOString();

/** A watch's TCX: laps of `lapS` seconds each at 1 Hz, steady speed and cadence, lap totals as stated. */
function watchTcx(laps: { lapS: number; speed: number; strides: number; timerS?: number; distanceM?: number }[]): string {
  let t = 0;
  let d = 0;
  const lapXml = laps.map((lap) => {
    const from = t;
    const fromD = d;
    const points: string[] = [];
    for (let k = 0; k < lap.lapS; k++) {
      points.push(
        `<Trackpoint><Time>${iso(t)}</Time><DistanceMeters>${d.toFixed(2)}</DistanceMeters><Extensions><ax:TPX><ax:Speed>${lap.speed}</ax:Speed><ax:RunCadence>${lap.strides}</ax:RunCadence></ax:TPX></Extensions></Trackpoint>`,
      );
      t += 1;
      d += lap.speed;
    }
    return `<Lap StartTime="${iso(from)}"><TotalTimeSeconds>${lap.timerS ?? lap.lapS}</TotalTimeSeconds><DistanceMeters>${(lap.distanceM ?? d - fromD).toFixed(2)}</DistanceMeters><Track>${points.join('')}</Track></Lap>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><TrainingCenterDatabase xmlns="${NS}" xmlns:ax="${AX}"><Activities><Activity Sport="Running"><Id>${iso(0)}</Id>${lapXml.join('')}</Activity></Activities></TrainingCenterDatabase>`;
}

/** What a runner does in a text editor or a TCX tool: delete the last <Lap> of the activity. */
function withoutLastLap(text: string): string {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const laps = Array.from(doc.getElementsByTagNameNS('*', 'Lap'));
  laps.at(-1)!.remove();
  return new XMLSerializer().serializeToString(doc);
}

describe('repro: watch totals carried in our TCX extension', () => {
  it('a re-exported watch run trimmed to its first lap shows the first lap, not the whole run', () => {
    // Two laps of 10 min at 3.333 m/s: the watch states 1200 s / 4000 m (its lap totals).
    const original = decodeTcx(watchTcx([{ lapS: 600, speed: 3.3333, strides: 87 }, { lapS: 600, speed: 3.3333, strides: 87 }]));
    const stored = importedSession(original, defaultCadenceZones, { id: 'a', name: 'Long run' });
    expect(stored.meta.distanceM).to.be.closeTo(4000, 5);
    // Exported as TCX (carries the watch's totals in the Stridewise extension), then the runner
    // cuts the second lap (say it was the cool-down jog home) and imports the file again.
    const trimmed = withoutLastLap(encodeTcx(stored));
    const reimported = decodeTcx(trimmed);
    const summary = importedSummary(reimported, defaultCadenceZones);
    // The file now holds one lap of 600 s and ~2000 m, every record and lap total says so.
    expect(reimported.samples.distanceM.at(-1)!).to.be.closeTo(1997, 5);
    expect(summary.distanceM, 'distance shown').to.be.closeTo(2000, 10);
    expect(summary.movingS, 'moving time shown').to.be.closeTo(600, 6);
  });
});
