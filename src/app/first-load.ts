// What main.ts loads, for lazily loaded modules to import too, so that the build puts the whole
// first load in one chunk instead of many small ones (build.mjs says why). Nothing else belongs here.
import '../services/services.js';
import './stride-app.js';
import './launch-queue.js';
import '../store/folder-chosen-key.js';
