import { expect } from '@open-wc/testing';
import { type Encodable, Encoder, type Mesg, Profile } from '@garmin/fitsdk';
import { FIT_RECORD_LIMIT, decodeFit } from '../../src/export/fit-decode.js';
import { encodeFit } from '../../src/export/fit.js';
import type { ImportProblem } from '../../src/export/import-error.js';
import { SAMPLE_RUNNING, SAMPLE_STRIDE_DERIVED } from '../../src/session/recorded-session.js';
import { BASE, FIT_EPOCH_MS, FitBytes, type MessageSpec } from '../support/fit-bytes.js';
import { summarizeSamples } from '../../src/session/session-summary.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { MesgNum, fitFileOf, runRecord, timerEvent, fitRefusal } from '../support/fit-messages.js';
import { importedSummary } from '../../src/export/imported-summary.js';
import { FIXTURE_START, fixtureSession } from './session-fixture.js';

const at = (t: number): Date => new Date(FIXTURE_START + t * 1000);

function expectRefused(bytes: Uint8Array, problem: ImportProblem, message: RegExp): void {
  const error = fitRefusal(bytes);
  expect(error.problem).to.equal(problem);
  expect(error.message).to.match(message);
}

// Loosely typed on purpose: these build files other devices might write, odd ones included.
const mesg = (mesgNum: number, fields: Record<string, unknown>): Encodable<Mesg> => ({ mesgNum, ...fields }) as Encodable<Mesg>;
const record = (fields: Record<string, unknown>): Encodable<Mesg> => mesg(MesgNum.RECORD!, fields);
const timer = (eventType: string, t: number): Encodable<Mesg> =>
  mesg(MesgNum.EVENT!, { event: 'timer', eventType, data: 0, timestamp: at(t) });

/** A FIT file of any kind, written with the SDK like another device would. */
function fitFile(fileType: string, mesgs: Array<Encodable<Mesg>>, fileId: Record<string, unknown> = {}): Uint8Array {
  const encoder = new Encoder();
  encoder.writeMesg(
    mesg(MesgNum.FILE_ID!, { type: fileType, manufacturer: 'development', product: 1, serialNumber: 7, timeCreated: at(0), ...fileId }),
  );
  mesgs.forEach((m) => encoder.writeMesg(m));
  return encoder.close();
}

describe('decodeFit refuses what is not a whole FIT activity', () => {
  const good = encodeFit(fixtureSession());

  it('a flipped byte in the middle: damaged, the checksum does not match', () => {
    const bytes = good.slice();
    bytes[bytes.length >> 1] ^= 0x5a;
    expectRefused(bytes, 'damaged', /damaged: its checksum does not match/);
  });

  it('a flipped byte in the header: damaged too', () => {
    const bytes = good.slice();
    bytes[2] ^= 0x01; // profile version, covered by the header CRC
    expectRefused(bytes, 'damaged', /checksum/);
  });

  for (const keep of [1, 8, 11, 13, 14, 40, 0.25, 0.5, 0.999, -2, -1]) {
    it(`cut to ${keep} ${Number.isInteger(keep) ? 'bytes' : 'of its length'}: truncated`, () => {
      const length = Number.isInteger(keep) ? (keep < 0 ? good.length + keep : keep) : Math.floor(good.length * keep);
      expectRefused(good.slice(0, length), 'truncated', /ends early \(truncated\)/);
    });
  }

  it('random bytes, an empty file and a PNG are not FIT', () => {
    let seed = 42;
    const random = new Uint8Array(4096).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
    random[0] = 0x37;
    expectRefused(random, 'not-a-run-file', /not a FIT file/);
    expectRefused(new Uint8Array(0), 'not-a-run-file', /not a FIT file/);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expectRefused(png, 'not-a-run-file', /not a FIT file/);
  });

  it('a settings file and a course file: FIT, but not an activity, saying which they are', () => {
    const settings = fitFile('settings', [
      mesg(MesgNum.USER_PROFILE!, { friendlyName: 'Runner', weight: 70 }),
    ]);
    expectRefused(settings, 'not-an-activity', /not an activity \(it is a settings file\)/);
    const course = fitFile('course', [record({ timestamp: at(0), distance: 0 }), record({ timestamp: at(1), distance: 3 })]);
    expectRefused(course, 'not-an-activity', /it is a course file/);
  });

  it('an activity without records has nothing to show', () => {
    expectRefused(fitFile('activity', [timer('start', 0), timer('stopAll', 10)]), 'no-samples', /no recorded samples/);
  });
});

describe('decodeFit reads activities from other devices', () => {
  it('fills in what a watch left out: speed from distance, cadence 0, stride derived', () => {
    const bytes = fitFile(
      'activity',
      [
        timer('start', 0),
        record({ timestamp: at(0), distance: 0 }),
        record({ timestamp: at(1), distance: 3 }),
        record({ timestamp: at(2), distance: 6.5 }),
        timer('stopAll', 2),
        timer('start', 30),
        record({ timestamp: at(30), distance: 6.5, cadence: 85, speed: 2.5 }),
        record({ timestamp: at(31), distance: 9, cadence: 86, fractionalCadence: 0.5, speed: 2.5 }),
        // 9 s between records with the timer running: the watch ran on (smart recording).
        record({ timestamp: at(40), distance: 32, cadence: 86, speed: 2.4, stepLength: 840 }),
        record({ timestamp: at(41), distance: 34.4, cadence: 0, speed: 0 }),
        mesg(MesgNum.LAP!, { startTime: at(0), timestamp: at(31) }),
        mesg(MesgNum.LAP!, { startTime: at(31), timestamp: at(41) }),
      ],
    );
    const run = decodeFit(bytes);
    const s = run.samples;
    expect(run.startedAt).to.equal(FIXTURE_START);
    expect(Array.from(s.t)).to.deep.equal([0, 1, 2, 30, 31, 40, 41]);
    expect(Array.from(s.speedMps)).to.deep.equal([3, 3, 3.5, 2.5, 2.5, 2.4000000953674316, 0]);
    expect(Array.from(s.cadence)).to.deep.equal([0, 0, 0, 170, 173, 172, 0]);
    expect(Array.from(s.distanceM)).to.deep.equal([0, 3, 6.5, 6.5, 9, 32, 34.4]);
    expect(s.strideLengthM[3]).to.be.closeTo((2.5 * 60) / 170, 1e-6);
    expect(s.strideLengthM[5]).to.be.closeTo(0.84, 1e-6);
    expect(Array.from(s.flags)).to.deep.equal([
      SAMPLE_STRIDE_DERIVED,
      SAMPLE_STRIDE_DERIVED,
      SAMPLE_STRIDE_DERIVED,
      SAMPLE_STRIDE_DERIVED | SAMPLE_RUNNING,
      SAMPLE_STRIDE_DERIVED | SAMPLE_RUNNING,
      SAMPLE_RUNNING,
      SAMPLE_STRIDE_DERIVED,
    ]);
    // The timer's events decide: stopped 2-30 s is the one break; 31-40 s it ran, so that is running.
    expect(run.gaps).to.deep.equal([{ fromT: 2, toT: 30, reason: 'paused' }]);
    expect(run.laps).to.deep.equal([31]);
    expect(run.deviceName).to.equal(null);
  });

  it('names a Garmin watch by its product', () => {
    const [number] = Object.entries(Profile.types.garminProduct!).find(([, name]) => name === 'fr965')!;
    const bytes = fitFile('activity', [record({ timestamp: at(0), distance: 0, speed: 3, cadence: 85 })], {
      manufacturer: 'garmin',
      product: Number(number),
    });
    const run = decodeFit(bytes);
    expect(run.deviceName).to.equal('Garmin fr965');
    expect(run.samples.flags[0]).to.equal(SAMPLE_RUNNING | SAMPLE_STRIDE_DERIVED);
  });
});

describe('decodeFit reads compressed timestamps and never blames a file that passed its checksum', () => {
  const T0 = 1_000_000_030; // low 5 bits 30: the second compressed record rolls them over
  const fileId: MessageSpec = {
    local: 0,
    global: MesgNum.FILE_ID!,
    fields: [
      { num: 0, size: 1, baseType: BASE.enum },
      { num: 1, size: 2, baseType: BASE.uint16 },
    ],
  };
  const full: MessageSpec = {
    local: 1,
    global: MesgNum.RECORD!,
    fields: [
      { num: 253, size: 4, baseType: BASE.uint32 },
      { num: 5, size: 4, baseType: BASE.uint32 }, // distance, cm
      { num: 6, size: 2, baseType: BASE.uint16 }, // speed, mm/s
      { num: 4, size: 1, baseType: BASE.uint8 }, // cadence, strides a minute
    ],
  };
  const compact: MessageSpec = { local: 2, global: MesgNum.RECORD!, fields: full.fields.slice(1) };
  const started = () => new FitBytes().define(fileId).data(fileId, [4, 255]).define(full).define(compact);

  /** Records at these seconds after T0: full timestamps where an offset cannot reach. */
  function run(seconds: number[]): Uint8Array {
    const fit = started();
    let last: number | null = null;
    for (const [i, s] of seconds.entries()) {
      const values = [280 * i, 2800, 85];
      if (last === null || s - last > 31) fit.data(full, [T0 + s, ...values]);
      else fit.compressed(compact, T0 + s, values);
      last = s;
    }
    return fit.file();
  }

  it('a run with compressed timestamp headers: every sample at its time', () => {
    const seconds = [0, 1, 2, 3, 5, 36, 37, 137, 138, 169];
    const imported = decodeFit(run(seconds));
    expect(imported.startedAt).to.equal(FIT_EPOCH_MS + T0 * 1000);
    expect(Array.from(imported.samples.t)).to.deep.equal(seconds);
    expect(Array.from(imported.samples.distanceM)).to.deep.equal(seconds.map((_, i) => (280 * i) / 100));
    expect(Array.from(imported.samples.cadence)).to.deep.equal(seconds.map(() => 170));
  });

  it('a compressed header for a local type no definition describes: unsupported, our limit', () => {
    const bytes = started().data(full, [T0, 0, 2800, 85]).compressed({ ...compact, local: 3 }, T0 + 1, [280, 2800, 85]).file();
    const error = fitRefusal(bytes);
    expect(error.problem).to.equal('unsupported');
    expect(error.message).to.match(/^Stridewise cannot read this FIT file yet \(.*local message type 3.*\)\./);
    expect(error.message).to.match(/passed its integrity check.*limit of Stridewise, not of your watch/);
    expect(error.message).not.to.match(/damaged/);
  });

  it('data that ends inside a record, checksum right: unsupported', () => {
    const bytes = started().data(full, [T0, 0, 2800, 85]).raw([0x80 | (2 << 5) | 1, 0, 0]).file();
    expectRefused(bytes, 'unsupported', /cannot read this FIT file yet \(.*runs past the end.*limit of Stridewise/);
  });

  it('what Garmin\'s decoder itself cannot read, checksum right: unsupported, not damaged', () => {
    const unknownBaseType: MessageSpec = { local: 3, global: MesgNum.RECORD!, fields: [{ num: 3, size: 1, baseType: 0x1f }] };
    const bytes = started().define(unknownBaseType).data(unknownBaseType, [140]).file();
    expectRefused(bytes, 'unsupported', /^Stridewise cannot read this FIT file yet \(FIT Runtime Error.*limit of Stridewise/);
  });

  it(`more than ${FIT_RECORD_LIMIT.toLocaleString('en')} records: too big for one run, refused before decoding`, () => {
    const fit = started();
    for (let i = 0; i <= FIT_RECORD_LIMIT; i++) fit.data(full, [T0 + i, 280 * i, 2800, 85]);
    expectRefused(fit.file(), 'too-big', /more than 150,000 samples, over 41 hours.*Pick a single run's activity file/);
  });

  it('the compressed run cut short is truncated, and with a byte flipped it is damaged', () => {
    const good = run([0, 1, 2, 3, 5, 36, 37]);
    expectRefused(good.slice(0, good.length - 5), 'truncated', /ends early \(truncated\)/);
    const flipped = good.slice();
    flipped[good.length - 4] ^= 0x01;
    expectRefused(flipped, 'damaged', /damaged: its checksum does not match/);
  });
});

describe("decodeFit reads a watch's timer as the watch does", () => {
  it('records a watch wrote after its final timer stop are not the run: moving time, distance, zones and averages leave them out', () => {
    // Timer start at 0, 600 s at 180 steps/min, stopAll at 600; the watch writes on (the walk to
    // the car at 100 steps/min) until the file is saved at 900, with no start after the stop.
    const out = [timerEvent('start', 0)];
    let d = 0;
    for (let s = 0; s <= 900; s++) {
      const running = s <= 600;
      if (s > 0) d += running ? 3 : 1.2;
      if (s === 600) out.push(timerEvent('stopAll', 600));
      out.push(runRecord(s, { distance: d, speed: running ? 3 : 1.2, enhancedSpeed: running ? 3 : 1.2, cadence: running ? 90 : 50, activityType: undefined }));
    }
    const run = decodeFit(fitFileOf(out));
    expect(run.samples.t.at(-1), 'the last record: at the stop').to.equal(600);
    const totals = summarizeSamples(run.samples, defaultCadenceZones, run.gaps);
    expect(totals.distanceM, 'distance').to.equal(1800);
    const inZones = Object.values(totals.zoneTimes).reduce((a, b) => a + b, 0);
    expect(totals.movingS, 'moving time').to.equal(600);
    expect(inZones, 'time in zones').to.be.closeTo(600, 1e-9);
    expect(totals.avgCadence, 'average cadence').to.be.closeTo(180, 1e-9);
  });
});

describe('decodeFit reads a file without timer events by its own sampling', () => {
  it("weighs smart recording's 8 s records by the time they stand for: 1800 s in zones and 174.9 steps/min", () => {
    // The case written by an app that leaves timer events out: 1000 s at 182 steps/min
    // every second, then 800 s at 166 every 8 s, the distance running on steadily across each step.
    const records = [];
    for (let s = 0; s <= 1000; s++) records.push(runRecord(s, { distance: 3.2 * s, speed: 3.2, cadence: 91 }));
    for (let s = 1008; s <= 1800; s += 8) records.push(runRecord(s, { distance: 3200 + 2.9 * (s - 1000), speed: 2.9, cadence: 83 }));
    const summary = importedSummary(decodeFit(fitFileOf(records)), defaultCadenceZones);
    const inZones = Object.values(summary.zoneTimes).reduce((a, b) => a + b, 0);
    expect({ inZones: Math.round(inZones), movingS: summary.movingS }).to.deep.equal({ inZones: 1800, movingS: 1800 });
    // (1000 × 182 + 800 × 166) / 1800 = 174.89; the step from 1000 s to 1008 s shows 166 only in
    // its record at 1008 s, so 7 s of it count at 182: 174.95, as with timer events (watch-timer.test.ts).
    expect(summary.avgCadence).to.be.closeTo(174.9, 0.1);
  });
});
