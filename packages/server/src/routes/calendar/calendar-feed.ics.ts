import type { SessionStatus } from '@rm-kit/core';
import ical, { escape as escapeText, ICalEventClass, ICalEventStatus } from 'ical-generator';
import type { FeedSession } from './calendar.store.js';

/**
 * The event's title, the same in every language (a calendar app sends none to choose by):
 * "Mentoring", a word Italian uses too, and the name of the other person of the pair.
 */
export const eventSummary = (partnerName: string) => `Mentoring · ${partnerName}`;

/**
 * A cancelled or missed session stays in the feed as cancelled, so a calendar that had it
 * takes it out; a held one stays as what happened.
 */
function statusOf(status: SessionStatus): ICalEventStatus {
  return status === 'cancelled' || status === 'missed'
    ? ICalEventStatus.CANCELLED
    : ICalEventStatus.CONFIRMED;
}

/**
 * A feed as iCalendar text, written by ical-generator (escaping and line folding are its
 * job). Each session is one event whose UID never changes; SEQUENCE counts its changes from
 * the session's version and LAST-MODIFIED is when it last changed, so a calendar app
 * replaces its copy. DTSTAMP is that same instant, so an unchanged feed is the same text
 * (and the same ETag) on every request. CLASS:PRIVATE keeps the title from colleagues who
 * can see the subscriber's calendar.
 */
export function calendarText(name: string, sessions: FeedSession[]): string {
  const calendar = ical({
    // ical-generator 11 escapes an event's text but writes the calendar's name as given, and a
    // person's name in it with a line break would start properties of its own.
    name: escapeText(name, false),
    prodId: { company: 'rm-kit', product: 'calendar-feed', language: 'EN' },
  });
  for (const session of sessions) {
    const start = new Date(session.startsAt);
    calendar.createEvent({
      id: `${session.id}@rm-kit`,
      start,
      end: new Date(start.getTime() + session.durationMinutes * 60_000),
      summary: eventSummary(session.partnerName),
      status: statusOf(session.status),
      sequence: session.version - 1,
      stamp: new Date(session.updatedAt),
      lastModified: new Date(session.updatedAt),
      class: ICalEventClass.PRIVATE,
    });
  }
  return calendar.toString();
}
