import type { RmClient } from '@rm-kit/sdk';
import { sent } from '../test-support/server.js';
import type { Payload } from './payloads.js';

/**
 * Every text field a person, a program or a pair's life can hold, with the contract's limit.
 * An admin describes a webhook subscription (for the webhook settings).
 * A department reaches the match board's reasons too ("Same department: …"), which matching
 * writes from it.
 */
export const TEXT_FIELDS = {
  displayName: 120,
  title: 120,
  department: 120,
  programName: 120,
  description: 4000,
  charter: 10000,
  topicLabel: 80,
  motivation: 2000,
  summary: 10000,
  actionItem: 500,
  cancellationReason: 1000,
  note: 10000,
  learned: 4000,
  improve: 4000,
  goalTitle: 200,
  commitment: 300,
  templateTitle: 200,
  webhookDescription: 200,
  storyTitle: 120,
  storyText: 2000,
  storyQuote: 300,
  storyNote: 1000,
} as const;
export type TextField = keyof typeof TEXT_FIELDS;
/** The text fields, and the one URL field a page loads: a person's photo. */
export type StoredField = TextField | 'photoUrl';

/** The host the organisation allows photos from in this suite (the pair card's tests use it too). */
export const PHOTO_HOST = 'photos.contoso.example';
const PHOTO_BASE = `https://${PHOTO_HOST}/logo.svg?`;
const URL_MAX = 2048;
/** Where the test page's own server has an image; the query it ignores. */
const LOCAL_BASE = new URL('/packages/elements/node_modules/lit/logo.svg?', location.origin).href;

/** A stored photo URL as the page loads it: the test has no https host to serve one from. */
export const photoAsServed = (url: string) => url.replace(PHOTO_BASE, LOCAL_BASE);

/** A client's network on which the photo host is played by the test page's own server. */
export const photosServedLocally: typeof fetch = async (input, init) => {
  const res = await fetch(input, init);
  if (!res.headers.get('Content-Type')?.includes('json')) return res;
  const body = (await res.text()).replaceAll(PHOTO_BASE, LOCAL_BASE);
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
};

/** A program, two people and their pair, with one payload in every text field they have. */
export interface HostileWorld {
  programId: string;
  /** A second program with the same texts, in matching: both people accepted there and not paired yet. */
  matchingProgramId: string;
  pairId: string;
  mentor: { id: string; email: string };
  mentee: { id: string; email: string };
  /** A held session with a summary, an action item, both notes and both shared answers. */
  heldId: string;
  /** A cancelled session with its reason. */
  cancelledId: string;
  /** A webhook subscription of the organisation, described with the payload. */
  webhookId: string;
  /** The pair's stories, each with the story texts: published, waiting for approval, returned with a note. */
  stories: { published: string; waiting: string; returned: string };
  /** What was sent, field by field; the mentee's photo is an allowed https URL whose query carries the payload. */
  texts: Record<StoredField, string>;
  /** Every copy of each field as the server answered with it: the suite checks they are what was sent. */
  stored: Record<StoredField, string[]>;
}

/** The program's own topic, whose labels carry the payload. */
export const TOPIC = 'hostile-topic';
const day = 86_400_000;
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);

/**
 * Writes `payload` into every text field through the API, as the people allowed to write
 * each one would: the admin (people, the program, its topics and charter, enrolments, the
 * pair, a suggested goal, a story's approval and return note), the mentor (sessions, a
 * note, feedback, the stories) and the mentee (a note, feedback, a goal and its commitment).
 * Both people carry the same texts. `clientFor` gives a client signed in as a person, once
 * the admin has created them.
 */
export async function hostileWorld(
  payload: Payload,
  admin: RmClient,
  clientFor: (email: string) => Promise<RmClient>,
): Promise<HostileWorld> {
  const v = Object.fromEntries(
    Object.entries(TEXT_FIELDS).map(([field, max]) => [field, payload.fit(max)]),
  ) as Record<TextField, string>;
  const tag = crypto.randomUUID().slice(0, 8);
  const photoUrl = PHOTO_BASE + payload.fit(URL_MAX - PHOTO_BASE.length);

  const newProgram = async () =>
    sent(
      await admin.programs.create({
        name: v.programName,
        description: v.description,
        topics: [TOPIC, 'ai-tools'],
        customTopics: [{ key: TOPIC, labels: { en: v.topicLabel, it: v.topicLabel }, direction: 'reverse' }],
        startsOn: isoDate(-60),
        endsOn: isoDate(120),
        status: 'enrolling',
        charter: { en: v.charter, it: v.charter },
      }),
    );
  let program = await newProgram();
  let matching = await newProgram();
  // The mentee arrives with the texts, as an import creates people; the mentor gets them in
  // an admin's edit afterwards: both ways a person's texts are written.
  const mentee = sent(
    await admin.people.create({
      email: `xss.mentee.${tag}@contoso.example`,
      displayName: v.displayName,
      title: v.title,
      department: v.department,
      careerStage: 'executive',
      locale: 'en',
      photoUrl,
    }),
  );
  const newcomer = sent(
    await admin.people.create({
      email: `xss.mentor.${tag}@contoso.example`,
      displayName: 'New Mentor',
      department: 'Marketing',
      careerStage: 'early',
      locale: 'en',
    }),
  );
  const mentor = sent(
    await admin.people.update(newcomer, {
      displayName: v.displayName,
      title: v.title,
      department: v.department,
    }),
  );
  const enrolments = await Promise.all(
    [program, matching].flatMap((each) =>
      [mentor, mentee].map(async (who, i) =>
        sent(
          await admin.enrollments.create(each.id, {
            personId: who.id,
            role: i === 0 ? 'mentor' : 'mentee',
            topics: [TOPIC],
            motivation: v.motivation,
            status: 'accepted',
          }),
        ),
      ),
    ),
  );
  matching = sent(await admin.programs.update(matching, { status: 'matching' }));
  program = sent(await admin.programs.update(program, { status: 'matching' }));
  program = sent(await admin.programs.update(program, { status: 'active' }));
  const proposed = sent(
    await admin.pairs.create(program.id, { mentorId: mentor.id, menteeId: mentee.id, topics: [TOPIC] }),
  );
  // A new pair is proposed: it becomes active once both accept the charter and the mentee agrees.
  const mentorClient = await clientFor(mentor.email);
  const menteeClient = await clientFor(mentee.email);
  sent(await mentorClient.pairs.acceptCharter(proposed));
  sent(await menteeClient.pairs.acceptCharter(proposed));
  const pair = sent(await menteeClient.pairs.consent(proposed));
  const held = sent(
    await mentorClient.sessions.create(pair.id, {
      status: 'held',
      occurredAt: new Date(Date.now() - 2 * day).toISOString(),
      durationMinutes: 45,
      topics: [TOPIC],
      summary: v.summary,
      actionItems: [{ text: v.actionItem, owner: 'mentee' }],
    }),
  );
  const cancelled = sent(
    await mentorClient.sessions.create(pair.id, {
      status: 'cancelled',
      scheduledAt: new Date(Date.now() - 9 * day).toISOString(),
      topics: [TOPIC],
      cancellationReason: v.cancellationReason,
    }),
  );
  const notes = await Promise.all(
    [mentorClient, menteeClient].map(async (client) =>
      sent(await client.notes.create(held.id, { text: v.note })),
    ),
  );
  const answers = await Promise.all(
    [mentorClient, menteeClient].map(async (client, i) =>
      sent(
        await client.feedback.create(pair.id, {
          kind: 'session',
          sessionId: held.id,
          ratings: { usefulness: 4, trust: 5, preparation: 4 - i },
          recommend: 8,
          learned: v.learned,
          improve: v.improve,
          shareWithPartner: true,
        }),
      ),
    ),
  );
  const goal = sent(
    await menteeClient.goals.create(pair.id, {
      title: v.goalTitle,
      topic: TOPIC,
      commitments: [{ text: v.commitment }],
    }),
  );
  const template = sent(
    await admin.goalTemplates.create(program.id, {
      title: { en: v.templateTitle, it: v.templateTitle },
      topic: TOPIC,
    }),
  );

  // An event no part of the suite causes, so nothing is ever sent to this made-up host.
  const webhook = sent(
    await admin.webhooks.create({
      url: `https://hooks.contoso.example/rm-kit/${tag}`,
      events: ['story.published'],
      description: v.webhookDescription,
    }),
  );
  /** A story the mentor writes and both agree to: waiting for the admin. */
  const agreedStory = async () => {
    const written = sent(
      await mentorClient.stories.create(pair.id, {
        title: v.storyTitle,
        text: v.storyText,
        language: 'en',
        quote: { text: v.storyQuote, by: 'mentee' },
      }),
    );
    return sent(await menteeClient.stories.agree(sent(await mentorClient.stories.agree(written))));
  };
  const published = sent(await admin.stories.approve(await agreedStory()));
  const waiting = await agreedStory();
  const sentBack = sent(await admin.stories.return(await agreedStory(), v.storyNote));
  const returned = await menteeClient.stories.get(sentBack.id);

  const labels = program.customTopics.find((t) => t.key === TOPIC)?.labels;
  return {
    programId: program.id,
    matchingProgramId: matching.id,
    pairId: pair.id,
    mentor: { id: mentor.id, email: mentor.email },
    mentee: { id: mentee.id, email: mentee.email },
    heldId: held.id,
    cancelledId: cancelled.id,
    webhookId: webhook.id,
    stories: { published: published.id, waiting: waiting.id, returned: returned.id },
    texts: { ...v, photoUrl },
    stored: {
      displayName: [mentor.displayName, mentee.displayName],
      title: [mentor.title ?? '', mentee.title ?? ''],
      department: [mentor.department, mentee.department],
      programName: [program.name, matching.name],
      description: [program.description, matching.description],
      charter: [program.charter.en, program.charter.it, matching.charter.en, matching.charter.it],
      topicLabel: [labels?.en ?? '', labels?.it ?? ''],
      motivation: enrolments.map((e) => e.motivation),
      summary: [held.summary],
      actionItem: held.actionItems.map((item) => item.text),
      cancellationReason: [cancelled.cancellationReason ?? ''],
      note: notes.map((n) => n.text),
      learned: answers.map((a) => a.learned),
      improve: answers.map((a) => a.improve),
      goalTitle: [goal.title],
      commitment: goal.commitments.map((c) => c.text),
      templateTitle: [template.title.en, template.title.it],
      webhookDescription: [webhook.description],
      storyTitle: [published, waiting, returned].map((story) => story.title),
      storyText: [published, waiting, returned].map((story) => story.text),
      storyQuote: [published, waiting, returned].map((story) => story.quote?.text ?? ''),
      storyNote: [returned.returnNote ?? ''],
      photoUrl: [mentee.photoUrl ?? ''],
    },
  };
}
