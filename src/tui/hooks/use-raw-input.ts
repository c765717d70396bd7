// The raw text of the key event Ink is about to hand to useInput: Ink turns "\u001b/" (Escape read together with
// `/`) into a bare "/", so only the raw event tells that an Escape came first (see split-keys.ts).
import { useStdin } from 'ink';
import { useEffect, useRef, type MutableRefObject } from 'react';

/** Call before useInput: this listener is added first, so it sees each event before useInput's handler does. */
export function useRawInput(): MutableRefObject<string | undefined> {
  const raw = useRef<string | undefined>(undefined);
  const { internal_eventEmitter: events } = useStdin();
  useEffect(() => {
    const record = (data: string) => {
      raw.current = data;
    };
    events.on('input', record);
    return () => {
      events.off('input', record);
    };
  }, [events]);
  return raw;
}
