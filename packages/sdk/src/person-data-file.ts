import type { PersonData } from '@rm-kit/core';

/**
 * An export as a file to save: JSON, indented for a person to read, named as the server
 * names it (the day of the export, and whose it is when an admin took it).
 */
export function personDataFile(data: PersonData, now: Date = new Date()): { blob: Blob; fileName: string } {
  const day = now.toISOString().slice(0, 10);
  const fileName =
    data.scope === 'self' ? `rm-kit-my-data-${day}.json` : `rm-kit-person-${data.person.id}-${day}.json`;
  return { blob: new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), fileName };
}
