import { idOf } from '../ids.js';
import { z } from '../zod.js';
import { storedFields } from './common.js';

/**
 * A note on a session that only its author can read. Not the partner, not an admin:
 * the server answers 404 to anyone else, as if it did not exist.
 */
export const privateNoteSchema = z
  .strictObject({
    id: idOf('privateNote'),
    orgId: idOf('organization'),
    sessionId: idOf('session'),
    authorId: idOf('person'),
    text: z.string().trim().min(1).max(10000),
    ...storedFields,
  })
  .describe('A private note on a session, readable by its author alone');
export type PrivateNote = z.infer<typeof privateNoteSchema>;

export const privateNoteCreateSchema = z.strictObject({ text: privateNoteSchema.shape.text });
export type PrivateNoteCreate = z.infer<typeof privateNoteCreateSchema>;

export const privateNoteUpdateSchema = privateNoteCreateSchema.partial();
export type PrivateNoteUpdate = z.infer<typeof privateNoteUpdateSchema>;
