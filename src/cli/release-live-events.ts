// Feeds verify-release's events into the live table: file selection, starts and rows, downloads by URL (a file's row
// waits until its download starts), and the images' events; stage lines and the progress bar keep going to stderr
// until the table has rows.
import type { VerifyEventListener } from '../verify/release-check.js';
import type { ReleaseFileUpdate } from '../verify/verify-release.js';
import type { ImagesEvent } from '../verify/verify-images.js';
import type { LiveTable } from './release-live-table.js';

export function liveReleaseEvents(table: LiveTable, before: VerifyEventListener) {
  let started = false;
  const onEvent: VerifyEventListener = (event) => {
    if (!started) before(event);
    else if (event.type === 'download-start' || event.type === 'download-done') table.downloading(event.url);
    else if (event.type === 'download-progress') table.progress(event.url, event.bytesDone, event.totalBytes);
  };
  const onFile = (update: ReleaseFileUpdate) => {
    if (update.type === 'files') {
      started = true;
      table.add(update.paths);
    } else if (update.type === 'file-start') table.start(update.path, update.url);
    else table.finish(update.row.name, update.row.status, update.row.code);
  };
  const onImage = (event: ImagesEvent) => {
    if (event.type === 'start') table.add(event.references);
    else if (event.type === 'image-start') table.start(event.reference);
    else if (event.type === 'image-done') {
      const r = event.result;
      table.finish(r.reference, r.verified ? 'pass' : r.failureKind === 'io' ? 'error' : 'fail', r.verified ? undefined : r.code);
    }
  };
  return { onEvent, onFile, onImage };
}
