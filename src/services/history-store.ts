// The store calls the history pages make, loaded with the first of them rather than with the app.
export { deleteSession, listSessions, loadSession, saveSession, unfinishedSummary, updateSessionInfo, withoutProgramMark } from '../store/session-store.js';
export { sessionsRecordedNow } from '../store/unfinished-sessions.js';
export { describeStoreError } from '../store/store-errors.js';
