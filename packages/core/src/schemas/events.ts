import { idOf } from '../ids.js';
import { z } from '../zod.js';
import { instantSchema } from './common.js';

/**
 * The changes of one kind of entity, announced without their content: a subscriber learns
 * what changed and fetches it, so every read still goes through the same authorization.
 */
function changesOf<K extends 'pair' | 'session' | 'goal' | 'feedback'>(kind: K) {
  return z.strictObject({
    id: idOf('event').describe(
      'The place of the event in the stream: send it back as Last-Event-ID to resume',
    ),
    type: z.enum([`${kind}.created`, `${kind}.updated`, `${kind}.deleted`] as const),
    pairId: idOf('pair').describe('The pair the entity belongs to'),
    entityId: idOf(kind).describe(`The ${kind} that changed: fetch it to read it`),
    version: z
      .int()
      .min(1)
      .nullable()
      .describe('The version the change gave the entity; for a deletion, the one it would have had next'),
    at: instantSchema,
  });
}

/** A change the caller may see, as a live event stream delivers it (the SSE event name is its `type`). */
export const liveEventSchema = z
  .discriminatedUnion('type', [
    changesOf('pair'),
    changesOf('session'),
    changesOf('goal'),
    changesOf('feedback'),
  ])
  .describe('A change to a pair, or to its sessions, goals or feedback');
export type LiveEvent = z.infer<typeof liveEventSchema>;
export type LiveEventType = LiveEvent['type'];

/** What a live event stream is narrowed to. */
export const liveEventQuerySchema = z.object({
  pairId: idOf('pair').optional().describe('Only events of this pair'),
});
export type LiveEventQuery = z.input<typeof liveEventQuerySchema>;
