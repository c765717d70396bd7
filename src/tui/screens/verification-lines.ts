// The Verification screen's content as lines: the outcome, the whole reason and every check, wrapped to the width.
import type { ImageResult } from '../ports.js';
import { wrap } from '../text.js';
import { symbols } from '../theme.js';

export type Tone = 'ok' | 'bad' | 'warn' | 'dim' | 'heading';

export interface VerificationLine {
  label: string;
  text: string;
  /** The colour of the text; `labelTone` of the label (a check's mark and name). */
  tone?: Tone;
  labelTone?: Tone;
}

export const LABEL_WIDTH = 16;

const OUTCOME: Record<ImageResult['status'], { text: string; tone: Tone }> = {
  pending: { text: `${symbols.pending} waiting`, tone: 'dim' },
  running: { text: `${symbols.running} verification in progress`, tone: 'warn' },
  verified: { text: `${symbols.pass} verified`, tone: 'ok' },
  failed: { text: `${symbols.fail} FAILED`, tone: 'bad' },
  unchecked: { text: `${symbols.unknown} not checked: the verification could not run`, tone: 'warn' },
};

/** A labelled value over as many lines as it needs: the label on the first, blanks under it. */
function field(label: string, value: string, width: number, labelTone?: Tone): VerificationLine[] {
  // The row draws the text after a cursor column and the label; keep one column spare.
  return wrap(value, Math.max(16, width - LABEL_WIDTH - 4)).map((text, i) => ({
    label: i === 0 ? label : '',
    text,
    ...(labelTone ? { labelTone } : {}),
  }));
}

export function verificationLines(result: ImageResult | undefined, width: number): VerificationLine[] {
  if (!result) return [{ label: 'status', text: `${symbols.pending} not verified yet: v verifies it (esc goes back), V every image shown`, tone: 'dim' }];
  const lines: VerificationLine[] = [{ label: 'status', text: OUTCOME[result.status].text, tone: OUTCOME[result.status].tone }];
  if (result.code) lines.push(...field('code', result.code, width));
  if (result.message) lines.push(...field(result.status === 'verified' ? 'result' : 'reason', result.message, width));
  if (result.digest) lines.push(...field('digest', result.digest, width));
  if (result.signer) lines.push(...field('signer', result.signer, width));
  lines.push({ label: '', text: `Checks (${result.checks.length})`, tone: 'heading' });
  for (const c of result.checks) {
    const mark = c.status === 'pass' ? symbols.pass : symbols.fail;
    lines.push(...field(`${mark} ${c.check}`, `${c.code} ${c.message}`, width, c.status === 'pass' ? 'ok' : 'bad'));
  }
  return lines;
}
