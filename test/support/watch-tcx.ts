// The same watch activity as the TCX file Garmin Connect exports: one <Lap> per auto-lap, a new
// <Track> inside a lap wherever the timer was stopped (TCX has no pause element: the end of one
// track and the start of the next is the pause), and per trackpoint the distance, the speed and
// the cadence in Garmin's Activity Extension v2. A running cadence is RunCadence, whole strides
// per minute; a bike's is the trackpoint's own <Cadence> in rpm.

import type { WatchRecord } from './watch-sampling.js';
import { type TimerStretch, type WatchSport, type WatchTruth, cyclesPerMinute, totalsBetween } from './watch-truth.js';

const TCX_NAMESPACE = 'http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2';
const ACTIVITY_EXTENSION_NAMESPACE = 'http://www.garmin.com/xmlschemas/ActivityExtension/v2';
const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** TCX knows three sports; a walk is "Other". */
const TCX_SPORT: Record<WatchSport, string> = { running: 'Running', walking: 'Other', cycling: 'Biking' };

export interface WatchTcxInput {
  truth: WatchTruth;
  records: readonly WatchRecord[];
  /** Epoch ms of the first timer start. */
  startedAt: number;
  sport: WatchSport;
}

export function encodeWatchTcx(input: WatchTcxInput): string {
  const { truth, records, startedAt, sport } = input;
  const iso = (s: number): string => new Date(startedAt + s * 1000).toISOString();
  // TCX holds whole strides (or rpm); rounded here, so only the fraction a watch keeps in FIT is lost.
  const wholeCadence = (perMinute: number): number => Math.round(cyclesPerMinute(sport, perMinute));
  const onBike = sport === 'cycling';
  const stretchOf = (s: number): number => truth.stretches.findIndex((r) => s >= r.fromS && s <= r.toS);

  const trackpoint = (record: WatchRecord): string[] => [
    '          <Trackpoint>',
    `            <Time>${iso(record.s)}</Time>`,
    `            <DistanceMeters>${record.distanceM.toFixed(2)}</DistanceMeters>`,
    ...(record.heartRate === undefined ? [] : [`            <HeartRateBpm><Value>${Math.round(record.heartRate)}</Value></HeartRateBpm>`]),
    ...(onBike ? [`            <Cadence>${wholeCadence(record.cadence)}</Cadence>`] : []),
    '            <Extensions>',
    '              <ns3:TPX>',
    `                <ns3:Speed>${record.speedMps.toFixed(3)}</ns3:Speed>`,
    ...(onBike ? [] : [`                <ns3:RunCadence>${wholeCadence(record.cadence)}</ns3:RunCadence>`]),
    '              </ns3:TPX>',
    '            </Extensions>',
    '          </Trackpoint>',
  ];

  const tracksOf = (lapRecords: readonly WatchRecord[]): string[] => {
    const out: string[] = [];
    let points: string[] = [];
    const close = (): void => {
      if (points.length > 0) out.push('        <Track>', ...points, '        </Track>');
      points = [];
    };
    lapRecords.forEach((record, i) => {
      if (i > 0 && stretchOf(record.s) !== stretchOf(lapRecords[i - 1]!.s)) close();
      points.push(...trackpoint(record));
    });
    close();
    return out;
  };

  const lapXml = (lap: TimerStretch, index: number): string[] => {
    const totals = totalsBetween(truth, lap.fromS, lap.toS);
    // A record on a lap's boundary closes that lap; the next lap starts after it.
    const lapRecords = records.filter((r) => (index === 0 ? r.s >= lap.fromS : r.s > lap.fromS) && r.s <= lap.toS);
    const maxSpeed = Math.max(0, ...lapRecords.map((r) => r.speedMps));
    const last = index === truth.laps.length - 1;
    return [
      `      <Lap StartTime="${iso(lap.fromS)}">`,
      `        <TotalTimeSeconds>${totals.timerS.toFixed(1)}</TotalTimeSeconds>`,
      `        <DistanceMeters>${totals.distanceM.toFixed(2)}</DistanceMeters>`,
      `        <MaximumSpeed>${maxSpeed.toFixed(3)}</MaximumSpeed>`,
      '        <Calories>0</Calories>',
      '        <Intensity>Active</Intensity>',
      ...(onBike ? [`        <Cadence>${wholeCadence(totals.avgCadence)}</Cadence>`] : []),
      `        <TriggerMethod>${last ? 'Manual' : 'Distance'}</TriggerMethod>`,
      ...tracksOf(lapRecords),
      '        <Extensions>',
      '          <ns3:LX>',
      `            <ns3:AvgSpeed>${totals.avgSpeedMps.toFixed(3)}</ns3:AvgSpeed>`,
      ...(onBike ? [] : [`            <ns3:AvgRunCadence>${wholeCadence(totals.avgCadence)}</ns3:AvgRunCadence>`]),
      '          </ns3:LX>',
      '        </Extensions>',
      '      </Lap>',
    ];
  };

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<TrainingCenterDatabase xmlns="${TCX_NAMESPACE}" xmlns:ns3="${ACTIVITY_EXTENSION_NAMESPACE}" xmlns:xsi="${XSI_NAMESPACE}">`,
    '  <Activities>',
    `    <Activity Sport="${TCX_SPORT[sport]}">`,
    `      <Id>${iso(0)}</Id>`,
    ...truth.laps.flatMap(lapXml),
    '      <Creator xsi:type="Device_t">',
    '        <Name>Forerunner 255</Name>',
    '        <UnitId>3412345678</UnitId>',
    '        <ProductID>3992</ProductID>',
    '        <Version><VersionMajor>19</VersionMajor><VersionMinor>18</VersionMinor><BuildMajor>0</BuildMajor><BuildMinor>0</BuildMinor></Version>',
    '      </Creator>',
    '    </Activity>',
    '  </Activities>',
    '  <Author xsi:type="Application_t">',
    '    <Name>Connect Api</Name>',
    '    <Build><Version><VersionMajor>0</VersionMajor><VersionMinor>0</VersionMinor></Version></Build>',
    '    <LangID>en</LangID>',
    '    <PartNumber>006-D2449-00</PartNumber>',
    '  </Author>',
    '</TrainingCenterDatabase>',
    '',
  ].join('\n');
}
