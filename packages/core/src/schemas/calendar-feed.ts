import { idOf } from '../ids.js';
import { z } from '../zod.js';
import { instantSchema } from './common.js';

export const CALENDAR_FEED_SCOPES = ['pair', 'person'] as const;
export const calendarFeedScopeSchema = z
  .enum(CALENDAR_FEED_SCOPES)
  .describe("pair: one pair's sessions; person: every session of every pair you are in");
export type CalendarFeedScope = z.infer<typeof calendarFeedScopeSchema>;

/** A feed's secret: 32 random bytes, base64url. Its file name in the URL adds `.ics`. */
export const CALENDAR_FEED_FILE = /^[A-Za-z0-9_-]{43}\.ics$/;

const pairIdOfFeed = idOf('pair').nullable().describe('The pair of a pair feed; null for your own feed');

/** Whether the caller has a link to a feed, and since when: never the link, which is shown once. */
export const calendarFeedSchema = z
  .strictObject({
    scope: calendarFeedScopeSchema,
    pairId: pairIdOfFeed,
    active: z.boolean().describe('Whether you have a link to this feed that works'),
    createdAt: instantSchema.nullable().describe('When the working link was made; null without one'),
  })
  .describe('Your link to a calendar feed, without the link itself: only a hash of it is stored');
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

/** The answer to making a link: the only time its secret is shown. */
export const calendarFeedLinkSchema = z
  .strictObject({
    scope: calendarFeedScopeSchema,
    pairId: pairIdOfFeed,
    createdAt: instantSchema,
    path: z
      .string()
      .regex(/^\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/)
      .describe(
        "The feed's path on this server (prefix the server's address): a calendar app GETs it with no token. Shown only now: only a hash of it is stored",
      ),
  })
  .describe('A new link to a calendar feed; any link you had to the same feed stops working');
export type CalendarFeedLink = z.infer<typeof calendarFeedLinkSchema>;
