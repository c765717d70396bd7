// Live per-image status for verify-images on a terminal (stderr): a line per finished image and a running count.
import { sanitizeLine } from '../common/sanitize.js';
import type { ImagesEvent } from '../verify/verify-images.js';
import { progressAllowed } from './output.js';

export function imagesProgress(stream: NodeJS.WriteStream = process.stderr): (event: ImagesEvent) => void {
  if (!progressAllowed(stream)) return () => {};
  let total = 0;
  let started = 0;
  let done = 0;
  const status = () => stream.write(`\r\u001b[K[${done}/${total}] ${started - done} running`);
  return (event) => {
    switch (event.type) {
      case 'start':
        total = event.total;
        status();
        break;
      case 'image-start':
        started++;
        status();
        break;
      case 'image-done': {
        done++;
        const r = event.result;
        const mark = r.verified ? 'ok   ' : r.failureKind === 'io' ? 'ERROR' : 'FAIL ';
        stream.write(`\r\u001b[K${mark} ${sanitizeLine(r.reference)}${r.verified ? '' : `  ${r.code}`}\n`);
        status();
        break;
      }
      case 'done':
        stream.write('\r\u001b[K');
        break;
      default:
        break;
    }
  };
}
