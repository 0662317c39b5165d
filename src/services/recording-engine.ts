// What recording needs beyond the live view: the recorder, the writer and the store calls. It
// loads on the first start (or the start-up check for unfinished runs), not with the first page.
export { RecordedSampleEvent, Recorder } from '../session/recorder.js';
export { SessionWriter, WriterProblemEvent } from '../store/session-writer.js';
export { loadSession, markRecovered } from '../store/session-store.js';
export { describeStoreError } from '../store/store-errors.js';
