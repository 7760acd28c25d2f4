/**
 * Drafts of the session form, kept in localStorage so that Escape, a second click on the
 * form's button or a reload loses nothing: one per person, pair and session (`new` for a
 * session not saved yet), so two people on one browser never see each other's private
 * note. Without a known person, or where storage is refused (a private window, a sandboxed
 * frame), drafts are kept for as long as the page is open.
 */
const inMemory = new Map<string, string>();

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function draftKey(
  personId: string | undefined,
  pairId: string,
  sessionId: string | undefined,
): string {
  return `rm-kit.session-draft.${personId ?? '?'}.${pairId}.${sessionId ?? 'new'}`;
}

const persistent = (key: string) => !key.startsWith('rm-kit.session-draft.?.');

/** The stored text: from localStorage when it may hold it, else from this page's memory. */
function stored(key: string): string | undefined {
  if (persistent(key)) {
    try {
      const text = storage()?.getItem(key);
      if (text !== null && text !== undefined) return text;
    } catch {
      // Refused: this page's memory may have it.
    }
  }
  return inMemory.get(key);
}

export function readDraft<T>(key: string): T | undefined {
  const text = stored(key);
  try {
    return text === undefined ? undefined : (JSON.parse(text) as T);
  } catch {
    return undefined;
  }
}

/** Keeps a draft, or forgets it (`undefined`): saved, discarded, or back to what the form started from. */
export function writeDraft(key: string, draft: unknown): void {
  const text = draft === undefined ? undefined : JSON.stringify(draft);
  inMemory.delete(key);
  const store = persistent(key) ? storage() : undefined;
  try {
    if (store) {
      if (text === undefined) store.removeItem(key);
      else store.setItem(key, text);
      return;
    }
  } catch {
    // Storage full or refused: the draft stays for this page.
  }
  if (text !== undefined) inMemory.set(key, text);
}
