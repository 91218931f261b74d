import { useCallback, useState } from 'react';

const prefix = 'panelist-draft:';

function read(key: string): string {
  try {
    return localStorage.getItem(prefix + key) ?? '';
  } catch {
    return '';
  }
}

/** An answer being written, saved on this device as it is typed so a reload or crash loses nothing. */
export function useDraft(key: string): [string, (text: string) => void, () => void] {
  const [state, setState] = useState(() => ({ key, text: read(key) }));
  if (state.key !== key) setState({ key, text: read(key) });

  const set = useCallback(
    (text: string) => {
      setState({ key, text });
      try {
        if (text) localStorage.setItem(prefix + key, text);
        else localStorage.removeItem(prefix + key);
      } catch {
        /* not saved; still in memory */
      }
    },
    [key],
  );
  const clear = useCallback(() => {
    setState({ key, text: '' });
    try {
      localStorage.removeItem(prefix + key);
    } catch {
      /* nothing to clear */
    }
  }, [key]);
  return [state.key === key ? state.text : read(key), set, clear];
}
