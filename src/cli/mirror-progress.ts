// Live progress of a mirror run on a terminal (stderr): source verification, then a line per copied image and a
// running byte count, then the verification from the target.
import { formatBytes } from '../common/format-bytes.js';
import { sanitizeLine } from '../common/sanitize.js';
import type { MirrorEvent } from '../verify/mirror/mirror.js';
import { imagesProgress } from './image-progress.js';
import { progressAllowed } from './output.js';

export function mirrorProgress(stream: NodeJS.WriteStream = process.stderr): (event: MirrorEvent) => void {
  if (!progressAllowed(stream)) return () => {};
  const verify = imagesProgress(stream);
  let total = 0;
  let moved = 0;
  let lastDraw = 0;
  const status = () => stream.write(`\r\u001b[Kcopying: ${formatBytes(moved)} of at most ${formatBytes(total)}`);
  return (event) => {
    switch (event.type) {
      case 'verify':
        verify(event.event);
        break;
      case 'copy-start':
        total += event.bytes;
        status();
        break;
      case 'bytes':
        moved += event.bytes;
        // A redraw per chunk would cost more than the copy: at most ten a second.
        if (Date.now() - lastDraw > 100) {
          lastDraw = Date.now();
          status();
        }
        break;
      case 'copied': {
        const s = event.stats;
        const line = s
          ? `copied ${sanitizeLine(event.reference)}: ${s.blobsCopied} blob(s) ${formatBytes(s.bytesCopied)}, ${s.blobsMounted} mounted, ${s.blobsSkipped} already there; ${s.manifestsPut} manifest(s)`
          : `ERROR  ${sanitizeLine(event.reference)}: ${sanitizeLine(event.error ?? '')}`;
        stream.write(`\r\u001b[K${line}\n`);
        status();
        break;
      }
      case 'reverified':
        stream.write(
          `\r\u001b[K${event.check.verified ? 'ok   ' : 'FAIL '} in target: ${sanitizeLine(event.check.reference)}${event.check.verified ? '' : `  ${event.check.code}`}\n`,
        );
        break;
      default:
        break;
    }
  };
}
