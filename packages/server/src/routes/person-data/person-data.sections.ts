import type { PairActor, PersonDataSections } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import type { Database, Row } from '../../db/schema.js';
import { feedsOfPerson } from '../calendar/calendar.store.js';
import { enrollmentsOfPerson } from '../enrollments/enrollments.store.js';
import { feedbackByAuthor } from '../feedback/feedback.store.js';
import { goalsOfPairs } from '../goals/goals.store.js';
import { notesByAuthor } from '../notes/notes.store.js';
import { toPair } from '../pairs/pairs.store.js';
import { sessionsOfPairs } from '../sessions/sessions.store.js';
import { storiesOfPairs } from '../stories/stories.store.js';

/** Whose data is read, and for whom: the person themselves, or an admin answering for them. */
export interface PersonDataSubject {
  orgId: string;
  personId: string;
  /** The pairs they are in, either side, as stored. */
  pairs: Row<'pairs'>[];
  scope: 'self' | 'admin';
}

interface SectionReader<K extends keyof PersonDataSections> {
  /**
   * What only the person may read (their pairs' logs and goals, their notes and answers):
   * left out of an admin's export, as it is from every other view an admin has.
   */
  private: boolean;
  read: (db: Kysely<Database>, subject: PersonDataSubject) => Promise<NonNullable<PersonDataSections[K]>>;
}

const pairIdsOf = (subject: PersonDataSubject) => subject.pairs.map((pair) => pair.id);

/** How a pair reads in the export: as its member sees it, or as an admin does. */
const viewerOf = (pair: Row<'pairs'>, subject: PersonDataSubject): PairActor =>
  subject.scope === 'admin' ? 'admin' : pair.mentorId === subject.personId ? 'mentor' : 'mentee';

/**
 * One reader per kind of data kept about a person, each reading from its own store. A new
 * kind of data is one more key in core's personDataSectionsSchema
 * and one more reader here; the export and its tests take every section listed.
 */
export const PERSON_DATA_SECTIONS: { [K in keyof PersonDataSections]-?: SectionReader<K> } = {
  enrollments: {
    private: false,
    read: (db, subject) => enrollmentsOfPerson(db, subject.orgId, subject.personId),
  },
  pairs: {
    private: false,
    read: async (_db, subject) => subject.pairs.map((pair) => toPair(pair, viewerOf(pair, subject))),
  },
  sessions: { private: true, read: (db, subject) => sessionsOfPairs(db, pairIdsOf(subject)) },
  goals: { private: true, read: (db, subject) => goalsOfPairs(db, pairIdsOf(subject)) },
  privateNotes: { private: true, read: (db, subject) => notesByAuthor(db, subject.orgId, subject.personId) },
  feedback: { private: true, read: (db, subject) => feedbackByAuthor(db, subject.orgId, subject.personId) },
  stories: { private: true, read: (db, subject) => storiesOfPairs(db, subject.orgId, pairIdsOf(subject)) },
  calendarFeeds: { private: true, read: (db, subject) => feedsOfPerson(db, subject.orgId, subject.personId) },
};

/** Every section the subject's scope may read, each from its reader. */
export async function readSections(db: Kysely<Database>, subject: PersonDataSubject) {
  const sections: Partial<Record<keyof PersonDataSections, unknown>> = {};
  for (const [key, reader] of Object.entries(PERSON_DATA_SECTIONS)) {
    if (reader.private && subject.scope === 'admin') continue;
    sections[key as keyof PersonDataSections] = await reader.read(db, subject);
  }
  return sections;
}
