import type { RmClient } from '@rm-kit/sdk';
import { html, type TemplateResult } from 'lit';
import { until } from '../test-support/server.js';
import { type HostileWorld, photoAsServed, type StoredField, TOPIC } from './hostile-world.js';
import '../enrollment-form/enrollment-form.js';
import '../feedback-form/feedback-form.js';
import '../goal-list/goal-list.js';
import '../match-board/match-board.js';
import '../pair-card/pair-card.js';
import '../person-data/person-data.js';
import '../program-dashboard/program-dashboard.js';
import '../session-log/session-log.js';
import '../stories/stories.js';
import '../webhook-settings/webhook-settings.js';

/** An element as the suite shows it, once `open` has brought its texts into view. */
export interface Stage {
  world: HostileWorld;
  /** The element the scenario rendered, inside its `<rm-provider>`. */
  element: HTMLElement;
  /** Signed in as the viewer's partner (the mentor's for an admin), to change something while the element is open. */
  partner: RmClient;
}

/** One place a text shows: what is found there (text, a field's value, an attribute) must contain it. */
export interface Shown {
  where: string;
  found: string | null | undefined;
  expected: string;
}

/**
 * One state of one element that shows stored texts. Adding an element to the suite is one
 * more entry in SCENARIOS (or one per state): the suite renders it on every payload's world,
 * inside an `<rm-provider>` with a client signed in as `viewer`, runs `open`, and checks that
 * nothing ran and that every `shown` text is there, literally.
 */
export interface Scenario {
  name: string;
  /** One of the pair, or the organisation's admin. */
  viewer: 'mentor' | 'mentee' | 'admin';
  locale: 'en' | 'it';
  render(world: HostileWorld): TemplateResult;
  /** What a user does until the texts are in view; resolves once they are. */
  open(stage: Stage): Promise<void>;
  shown(stage: Stage): Shown[];
}

const WAIT = 10_000;
const root = (element: Element) => element.shadowRoot as ShadowRoot;
const find = <T extends Element = HTMLElement>(
  scope: Element | ShadowRoot | null | undefined,
  selector: string,
) => scope?.querySelector<T>(selector) ?? null;
const findAll = (scope: Element | ShadowRoot | null | undefined, selector: string) => [
  ...(scope?.querySelectorAll<HTMLElement>(selector) ?? []),
];
const text = (node: Node | null | undefined) => node?.textContent ?? null;
const value = (node: Element | null) =>
  (node as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? null;
const shows = (where: string, found: string | null | undefined, expected: string): Shown => ({
  where,
  found,
  expected,
});
/** Each of the world's texts in `fields`, found at `where` by `found`. */
const each = (world: HostileWorld, fields: StoredField[], where: string, found: string | null | undefined) =>
  fields.map((field) => shows(`${field} in ${where}`, found, world.texts[field]));

// ---- <rm-pair-card> -------------------------------------------------------------------

const cardOf = (stage: Stage) => find(root(stage.element), '[part~="card"]');

async function cardLoaded({ element }: Stage) {
  await until(
    () => Boolean(find(root(element), '[part~="card"]:not(.skeleton-card):not(.state-card)')),
    WAIT,
  );
}

/** Loaded, the charter unfolded as a reader clicks it open, the mentee's photo in place. */
async function fullCard(stage: Stage) {
  await cardLoaded(stage);
  const details = find<HTMLDetailsElement>(root(stage.element), 'details.charter-text');
  find(details, 'summary')?.click();
  await until(() => details?.open === true, WAIT);
  await until(() => {
    const photo = find<HTMLImageElement>(root(stage.element), '.person.mentee img');
    return Boolean(photo?.complete && photo.naturalWidth > 0);
  }, WAIT);
}

function fullCardShows(stage: Stage): Shown[] {
  const { world } = stage;
  const card = cardOf(stage);
  const photo = find<HTMLImageElement>(card, '.person.mentee img');
  return [
    ...each(world, ['displayName'], 'the mentor', text(find(card, '.person.mentor .name'))),
    ...each(world, ['displayName'], 'the mentee', text(find(card, '.person.mentee .name'))),
    ...each(world, ['title'], 'the mentor', text(find(card, '.person.mentor .title'))),
    ...each(world, ['title'], 'the mentee', text(find(card, '.person.mentee .title'))),
    ...each(world, ['displayName'], "the card's aria-label", card?.getAttribute('aria-label')),
    ...each(world, ['displayName'], "the photo's alt", photo?.getAttribute('alt')),
    shows("the photo's src", photo?.getAttribute('src'), photoAsServed(world.texts.photoUrl)),
    ...each(world, ['topicLabel'], 'the topics', findAll(card, '[part~="topic"]').map(text).join('\n')),
    ...each(world, ['charter'], 'the charter', text(find(card, 'details.charter-text p'))),
  ];
}

// ---- <rm-session-log> -----------------------------------------------------------------

const sessionItem = (stage: Stage, id: string) =>
  find(root(stage.element), `[part="item"][data-session-id="${CSS.escape(id)}"]`);

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * Scrolls the log's list, as a user does, until the session is rendered: the list is virtual,
 * and a session with a summary of ten thousand characters fills it on its own.
 */
async function reveal(stage: Stage, id: string) {
  const deadline = Date.now() + WAIT;
  stage.element.scrollIntoView({ block: 'start' });
  for (;;) {
    // The list measures what it rendered a frame later and may move it: shown is still there then.
    if (sessionItem(stage, id)) {
      await frame();
      await frame();
      if (sessionItem(stage, id)) return;
    }
    if (Date.now() > deadline) throw new Error(`The session ${id} never came into view`);
    const scroller = find(root(stage.element), '[part="scroller"]');
    if (scroller) {
      const before = scroller.scrollTop;
      scroller.scrollTop += scroller.clientHeight * 0.8;
      if (scroller.scrollTop === before) scroller.scrollTop = 0;
    }
    await frame();
    await frame();
  }
}

const heldSession = (stage: Stage) => reveal(stage, stage.world.heldId);

function heldShows(stage: Stage): Shown[] {
  const held = sessionItem(stage, stage.world.heldId);
  return [
    ...each(stage.world, ['summary'], 'the held session', text(find(held, '.summary'))),
    ...each(stage.world, ['actionItem'], 'its action item', text(find(held, '.actions label'))),
    ...each(stage.world, ['topicLabel'], 'its topics', text(find(held, '.topics'))),
  ];
}

/** A session's panel opened with its button ('manage' or 'feedback'), once the log has loaded that button. */
async function openPanel(stage: Stage, panel: 'manage' | 'feedback') {
  await heldSession(stage);
  const toggle = `#${panel}-${CSS.escape(stage.world.heldId)}-toggle`;
  await until(() => Boolean(find(root(stage.element), toggle)), WAIT);
  find(root(stage.element), toggle)?.click();
}

/** The form on the held session: "Change", then "Edit". */
async function openEditForm(stage: Stage) {
  await openPanel(stage, 'manage');
  const edit = `#manage-${CSS.escape(stage.world.heldId)} .manage .row button`;
  await until(() => Boolean(find(root(stage.element), edit)), WAIT);
  find(root(stage.element), edit)?.click();
  await until(() => Boolean(find(root(stage.element), '[part="form"] #f-summary')), WAIT);
}

function editFormShows(stage: Stage): Shown[] {
  const { world } = stage;
  const form = find(root(stage.element), '[part="form"]');
  const topic = find(form, `input[name="topics"][value="${TOPIC}"]`)?.closest('label');
  const owners = findAll(form, 'select[id$="-owner"] option').map(text);
  return [
    ...each(world, ['summary'], 'the summary field', value(find(form, '#f-summary'))),
    ...each(
      world,
      ['actionItem'],
      'the action item field',
      value(find(form, 'input[id^="f-ai-"][id$="-text"]')),
    ),
    ...each(world, ['topicLabel'], 'the topic choices', text(topic)),
    ...each(
      world,
      ['displayName'],
      'the mentor as an owner',
      owners.find((o) => o?.includes('(mentor)')),
    ),
    ...each(
      world,
      ['displayName'],
      'the mentee as an owner',
      owners.find((o) => o?.includes('(mentee)')),
    ),
  ];
}

/** The feedback form a session of the log holds, inside the log's shadow root. */
const nestedForm = (stage: Stage) =>
  find(sessionItem(stage, stage.world.heldId), 'rm-feedback-form') as HTMLElement | null;

// ---- <rm-stories> ---------------------------------------------------------------------

const storyCard = (stage: Stage, id: string) =>
  find(root(stage.element), `article[aria-labelledby="story-${CSS.escape(id)}"]`);

/** The stories loaded, with every one of `ids` on screen. */
const storiesShown =
  (...ids: (keyof HostileWorld['stories'])[]) =>
  async (stage: Stage) => {
    await until(() => ids.every((id) => storyCard(stage, stage.world.stories[id])), WAIT);
  };

/** One story's texts, and both people by name, as its card shows them. */
function storyShows(stage: Stage, id: keyof HostileWorld['stories']): Shown[] {
  const story = storyCard(stage, stage.world.stories[id]);
  const where = `the ${id} story`;
  return [
    ...each(stage.world, ['storyTitle'], where, text(find(story, '[part~="title"]'))),
    ...each(stage.world, ['storyText'], where, text(find(story, '[part~="text"]'))),
    ...each(
      stage.world,
      ['storyQuote', 'displayName'],
      `the quote of ${where}`,
      text(find(story, '[part~="quote"]')),
    ),
    ...each(
      stage.world,
      ['displayName', 'title'],
      `the people of ${where}`,
      text(find(story, '[part~="people"]')),
    ),
  ];
}

// ---- <rm-feedback-form> ---------------------------------------------------------------

/** The answered state: the viewer's answers and, beside them, the partner's shared ones. */
async function answered(form: () => HTMLElement | null) {
  await until(() => Boolean(find(form()?.shadowRoot, '[part="partner"] [part="summary"]')), WAIT);
}

function answersShow(world: HostileWorld, form: HTMLElement | null): Shown[] {
  const scope = form?.shadowRoot;
  const mine = find(scope, '[part="done"] [part="summary"]');
  const partner = find(scope, '[part="partner"]');
  return [
    ...each(world, ['learned', 'improve', 'displayName'], 'the viewer’s answers', text(mine)),
    ...each(world, ['displayName'], 'the privacy sentence', text(find(scope, '[part="privacy"]'))),
    ...each(world, ['learned', 'improve', 'displayName'], 'the partner’s shared answers', text(partner)),
    ...each(world, ['displayName'], 'who sees the answers', text(find(scope, '[part="sharing"]'))),
  ];
}

/** The questions, as a new answer or a change shows them: the partner named in them. */
function questionsShow(world: HostileWorld, form: HTMLElement | null): Shown[] {
  const scope = form?.shadowRoot;
  const legends = findAll(scope, 'fieldset legend').map(text).join('\n');
  return [
    ...each(world, ['displayName'], 'the privacy sentence', text(find(scope, '[part="privacy"]'))),
    ...each(world, ['displayName'], 'the questions', legends),
    ...each(
      world,
      ['displayName'],
      'the sharing choice',
      text(find(scope, 'input[name="shareWithPartner"]')?.closest('label')),
    ),
  ];
}

// ---- <rm-enrollment-form> -------------------------------------------------------------

/** The program given by id, and the viewer's application to it. */
async function application({ element }: Stage) {
  await until(() => Boolean(find(root(element), '[part~="application"] .motivation')), WAIT);
}

function applicationShows(stage: Stage): Shown[] {
  const program = find(root(stage.element), '[part~="program"]');
  const summary = find(program, '[part~="application"] .summary');
  return [
    ...each(stage.world, ['programName'], 'the program', text(find(program, 'h2'))),
    ...each(stage.world, ['description'], 'the program', text(find(program, '.description'))),
    ...each(stage.world, ['topicLabel'], 'the application’s topics', text(find(summary, '.badges'))),
    ...each(stage.world, ['motivation'], 'the application', text(find(summary, '.motivation'))),
  ];
}

// ---- <rm-match-board> -----------------------------------------------------------------

const board = (stage: Stage) => root(stage.element);

/** A department as a match reason names it: in 60 characters at most, cut with "…" (core's matching reasons). */
const inReason = (department: string) =>
  department.length <= 60 ? department : `${department.slice(0, 59)}…`;

/** The board loaded, each application's motivation unfolded as an admin opens it. */
async function boardLoaded(stage: Stage) {
  await until(() => findAll(board(stage), '[part~="application"]').length === 2, WAIT);
  for (const details of findAll(board(stage), 'details')) (details as HTMLDetailsElement).open = true;
}

function applicationsShow(stage: Stage): Shown[] {
  const cards = findAll(board(stage), '[part~="application"]');
  return [
    ...each(stage.world, ['programName'], 'the board', text(find(board(stage), '#board-title'))),
    ...cards.flatMap((card, i) => [
      ...each(stage.world, ['displayName'], `application ${i + 1}`, text(find(card, '.name'))),
      ...each(stage.world, ['title', 'department'], `application ${i + 1}`, text(find(card, '.work'))),
      ...each(stage.world, ['topicLabel'], `application ${i + 1}`, text(find(card, '.chips'))),
      ...each(stage.world, ['motivation'], `application ${i + 1}`, text(find(card, 'details.motivation p'))),
    ]),
  ];
}

// ---- <rm-person-data> -----------------------------------------------------------------

const personData = (stage: Stage) => root(stage.element);

/** The admin searches the mentee by email, as HR answers a request, and finds them. */
async function personFound(stage: Stage) {
  await until(() => Boolean(find(personData(stage), '#q')), WAIT);
  const input = find<HTMLInputElement>(personData(stage), '#q');
  if (input) input.value = stage.world.mentee.email;
  find<HTMLFormElement>(personData(stage), '[part~="search"]')?.requestSubmit();
  await until(() => Boolean(find(personData(stage), '[part~="person"]')), WAIT);
}

function personShows(stage: Stage): Shown[] {
  const row = find(personData(stage), '[part~="person"]');
  return [
    ...each(stage.world, ['displayName'], 'the person found', text(find(row, '.name'))),
    ...each(stage.world, ['department'], 'the person found', text(find(row, '.who .muted'))),
    ...each(
      stage.world,
      ['displayName'],
      'the export button’s label',
      find(row, '[part~="export"]')?.getAttribute('aria-label'),
    ),
  ];
}

// ---- <rm-goal-list> -------------------------------------------------------------------

const goals = (stage: Stage) => root(stage.element);

/** The pair's goal in view, and the form of a new goal opened, where the suggestions are. */
async function goalsWithForm(stage: Stage) {
  await until(() => Boolean(find(goals(stage), '[part~="goal"]')), WAIT);
  find(goals(stage), '[part~="add"]')?.click();
  await until(() => Boolean(find(goals(stage), '[part~="form"] optgroup')), WAIT);
}

function goalShows(stage: Stage, commitmentsAt: string): Shown[] {
  const goal = find(goals(stage), '[part~="goal"]');
  return [
    ...each(stage.world, ['goalTitle'], 'the goal', text(find(goal, '.goal-title'))),
    ...each(stage.world, ['displayName'], 'its owner', text(find(goal, '[part~="owner"]'))),
    ...each(stage.world, ['topicLabel'], 'its topic', text(find(goal, '[part~="topic"]'))),
    ...each(stage.world, ['commitment'], 'its commitment', text(find(goal, commitmentsAt))),
  ];
}

function suggestionsShow(stage: Stage): Shown[] {
  const form = find(goals(stage), '[part~="form"]');
  return [
    ...each(stage.world, ['templateTitle'], 'the suggestion', text(find(form, 'optgroup option'))),
    ...each(stage.world, ['topicLabel'], 'its group', find(form, 'optgroup')?.getAttribute('label')),
    ...each(stage.world, ['displayName'], 'whose goal', text(find(form, 'select[name="owner"] option'))),
  ];
}

// ---- <rm-program-dashboard> -----------------------------------------------------------

const dashboard = (stage: Stage) => root(stage.element);
const dashboardChart = (stage: Stage, id: string) => find(dashboard(stage), `[data-chart="${id}"]`);

async function dashboardLoaded(stage: Stage) {
  await until(() => Boolean(find(dashboardChart(stage, 'cancellations'), '.bar-label')), WAIT);
}

/** The program's name, the pair in its cancellations and the program's own topic, drawn or as tables. */
function dashboardShows(stage: Stage, cell: string): Shown[] {
  return [
    ...each(stage.world, ['programName'], 'the dashboard', text(find(dashboard(stage), '#dashboard-title'))),
    ...each(
      stage.world,
      ['displayName'],
      'the cancellations per pair',
      text(find(dashboardChart(stage, 'cancellations'), cell)),
    ),
    ...each(stage.world, ['topicLabel'], 'the topics', text(dashboardChart(stage, 'topics'))),
  ];
}

// ---- <rm-webhook-settings> ------------------------------------------------------------

const webhookCard = (stage: Stage) =>
  find(root(stage.element), `[part~="webhook"][data-webhook="${stage.world.webhookId}"]`);

/** The world's webhook listed, its delivery log open, and the delete question asked about it. */
async function webhookOpen(stage: Stage) {
  await until(() => Boolean(webhookCard(stage)), WAIT);
  find(webhookCard(stage), '[part~="toggle-log"]')?.click();
  await until(() => Boolean(find(webhookCard(stage), '[part~="log"] p, [part~="log"] ul')), WAIT);
}

function webhookShows(stage: Stage): Shown[] {
  return each(
    stage.world,
    ['webhookDescription'],
    'its card',
    text(find(webhookCard(stage), '.description')),
  );
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: '<rm-goal-list>, as the mentee, a goal, its commitment and the suggestions',
    viewer: 'mentee',
    locale: 'en',
    render: (world) => html`<rm-goal-list pair-id=${world.pairId}></rm-goal-list>`,
    open: goalsWithForm,
    shown: (stage) => [...goalShows(stage, '[part~="commitment"] label'), ...suggestionsShow(stage)],
  },
  {
    name: '<rm-goal-list>, in Italian, as the mentor, the mentee’s commitments to read',
    viewer: 'mentor',
    locale: 'it',
    render: (world) => html`<rm-goal-list pair-id=${world.pairId}></rm-goal-list>`,
    open: goalsWithForm,
    shown: (stage) => [
      ...goalShows(stage, '[part~="commitment"]'),
      ...each(
        stage.world,
        ['displayName'],
        'the commitments',
        text(find(goals(stage), '[part~="commitments"] .label')),
      ),
      ...suggestionsShow(stage),
    ],
  },
  {
    name: '<rm-goal-list program-id>, as the admin, the suggested goals',
    viewer: 'admin',
    locale: 'en',
    render: (world) => html`<rm-goal-list program-id=${world.programId}></rm-goal-list>`,
    open: async (stage) => {
      await until(() => Boolean(find(goals(stage), '[part~="template"]')), WAIT);
    },
    shown: (stage) => {
      const template = find(goals(stage), '[part~="template"]');
      return [
        ...each(stage.world, ['programName'], 'the heading', text(find(goals(stage), '.label'))),
        ...each(stage.world, ['templateTitle'], 'the suggestion', text(find(template, '.goal-title'))),
        ...each(
          stage.world,
          ['templateTitle'],
          'its button',
          find(template, '[part~="withdraw"]')?.getAttribute('aria-label'),
        ),
        ...each(stage.world, ['topicLabel'], 'its topic', text(find(template, '[part~="topic"]'))),
        ...each(stage.world, ['topicLabel'], 'the topics', text(find(goals(stage), 'select[name="topic"]'))),
      ];
    },
  },
  {
    name: '<rm-webhook-settings>, as the admin, a webhook and its delivery log',
    viewer: 'admin',
    locale: 'en',
    render: () => html`<rm-webhook-settings></rm-webhook-settings>`,
    open: webhookOpen,
    shown: webhookShows,
  },
  {
    name: '<rm-webhook-settings>, in Italian',
    viewer: 'admin',
    locale: 'it',
    render: () => html`<rm-webhook-settings></rm-webhook-settings>`,
    open: webhookOpen,
    shown: webhookShows,
  },
  {
    name: '<rm-enrollment-form program-id>, as the mentor, the accepted application',
    viewer: 'mentor',
    locale: 'en',
    render: (world) => html`<rm-enrollment-form program-id=${world.programId}></rm-enrollment-form>`,
    open: application,
    shown: applicationShows,
  },
  {
    name: '<rm-enrollment-form program-id>, in Italian, as the mentee, a program in matching',
    viewer: 'mentee',
    locale: 'it',
    render: (world) => html`<rm-enrollment-form program-id=${world.matchingProgramId}></rm-enrollment-form>`,
    open: application,
    shown: applicationShows,
  },
  {
    name: '<rm-match-board>, as the admin, the applications and the pair',
    viewer: 'admin',
    locale: 'en',
    render: (world) => html`<rm-match-board program-id=${world.programId}></rm-match-board>`,
    open: async (stage) => {
      await boardLoaded(stage);
      await until(() => Boolean(find(board(stage), '[part~="pair"]')), WAIT);
    },
    shown: (stage) => [
      ...applicationsShow(stage),
      ...each(stage.world, ['displayName'], 'the pair', text(find(board(stage), '[part~="pair"] .name'))),
    ],
  },
  {
    name: '<rm-match-board>, in Italian, after "Run matching": a proposal and its reasons',
    viewer: 'admin',
    locale: 'it',
    render: (world) => html`<rm-match-board program-id=${world.matchingProgramId}></rm-match-board>`,
    open: async (stage) => {
      await boardLoaded(stage);
      await until(() => Boolean(find(board(stage), '[part~="run"]')), WAIT);
      find(board(stage), '[part~="run"]')?.click();
      await until(() => Boolean(find(board(stage), '[part~="proposal"] .reasons li')), WAIT);
    },
    shown: (stage) => {
      const proposal = find(board(stage), '[part~="proposal"]');
      return [
        ...applicationsShow(stage),
        ...each(
          stage.world,
          ['displayName'],
          'the proposal’s mentor',
          text(find(proposal, '.side.mentor .name')),
        ),
        ...each(
          stage.world,
          ['displayName'],
          'the proposal’s mentee',
          text(find(proposal, '.side.mentee .name')),
        ),
        ...each(stage.world, ['title', 'department'], 'the proposal', text(find(proposal, '.side .work'))),
        shows(
          'department in the proposal’s reasons',
          text(find(proposal, '.reasons')),
          inReason(stage.world.texts.department),
        ),
        ...each(stage.world, ['topicLabel'], 'the proposal’s reasons', text(find(proposal, '.reasons'))),
      ];
    },
  },

  {
    name: '<rm-person-data view="people">, as the admin, a person found',
    viewer: 'admin',
    locale: 'en',
    render: () => html`<rm-person-data view="people"></rm-person-data>`,
    open: personFound,
    shown: personShows,
  },
  {
    name: '<rm-person-data view="people">, in Italian, the erase dialog open',
    viewer: 'admin',
    locale: 'it',
    render: () => html`<rm-person-data view="people"></rm-person-data>`,
    open: async (stage) => {
      await personFound(stage);
      find(personData(stage), '[part~="erase"]')?.click();
      await until(() => Boolean(find<HTMLDialogElement>(personData(stage), 'dialog')?.open), WAIT);
    },
    shown: (stage) => {
      const dialog = find(personData(stage), 'dialog');
      return [
        ...personShows(stage),
        ...each(stage.world, ['displayName'], 'the dialog’s title', text(find(dialog, 'h2'))),
        ...each(stage.world, ['displayName'], 'the typed confirmation’s label', text(find(dialog, 'label'))),
      ];
    },
  },

  {
    name: '<rm-pair-card>, as the mentor, with the charter open',
    viewer: 'mentor',
    locale: 'en',
    render: (world) => html`<rm-pair-card pair-id=${world.pairId}></rm-pair-card>`,
    open: fullCard,
    shown: fullCardShows,
  },
  {
    name: '<rm-pair-card>, in Italian, as the mentee, with the charter open',
    viewer: 'mentee',
    locale: 'it',
    render: (world) => html`<rm-pair-card pair-id=${world.pairId}></rm-pair-card>`,
    open: fullCard,
    shown: fullCardShows,
  },
  {
    name: '<rm-pair-card variant="compact">',
    viewer: 'mentee',
    locale: 'en',
    render: (world) => html`<rm-pair-card pair-id=${world.pairId} variant="compact"></rm-pair-card>`,
    open: cardLoaded,
    shown: (stage) => {
      const card = cardOf(stage);
      return [
        ...each(stage.world, ['displayName'], 'the mentor', text(find(card, '[part~="mentor"]'))),
        ...each(stage.world, ['displayName'], 'the mentee', text(find(card, '[part~="mentee"]'))),
        ...each(stage.world, ['displayName'], "the card's aria-label", card?.getAttribute('aria-label')),
      ];
    },
  },
  {
    name: '<rm-session-log>, a held session in the list',
    viewer: 'mentor',
    locale: 'en',
    render: (world) => html`<rm-session-log pair-id=${world.pairId}></rm-session-log>`,
    open: heldSession,
    shown: heldShows,
  },
  {
    name: '<rm-session-log>, in Italian, as the mentee, a cancelled session in the list',
    viewer: 'mentee',
    locale: 'it',
    render: (world) => html`<rm-session-log pair-id=${world.pairId}></rm-session-log>`,
    open: (stage) => reveal(stage, stage.world.cancelledId),
    shown: (stage) => {
      const cancelled = sessionItem(stage, stage.world.cancelledId);
      return [
        ...each(
          stage.world,
          ['cancellationReason'],
          'the cancelled session',
          text(find(cancelled, '.reason')),
        ),
        ...each(stage.world, ['topicLabel'], 'its topics', text(find(cancelled, '.topics'))),
      ];
    },
  },
  {
    name: '<rm-session-log>, a private note open',
    viewer: 'mentor',
    locale: 'en',
    render: (world) => html`<rm-session-log pair-id=${world.pairId}></rm-session-log>`,
    open: async (stage) => {
      await heldSession(stage);
      find(sessionItem(stage, stage.world.heldId), '.disclosure')?.click();
      await until(() => Boolean(find(sessionItem(stage, stage.world.heldId), '.note-panel textarea')), WAIT);
    },
    shown: (stage) =>
      each(
        stage.world,
        ['note'],
        'the note',
        value(find(sessionItem(stage, stage.world.heldId), '.note-panel textarea')),
      ),
  },
  {
    name: '<rm-session-log>, editing a session',
    viewer: 'mentor',
    locale: 'en',
    render: (world) => html`<rm-session-log pair-id=${world.pairId}></rm-session-log>`,
    open: openEditForm,
    shown: editFormShows,
  },
  {
    name: '<rm-session-log>, an edit after the partner changed the session',
    viewer: 'mentor',
    locale: 'en',
    render: (world) => html`<rm-session-log pair-id=${world.pairId}></rm-session-log>`,
    open: async (stage) => {
      await openEditForm(stage);
      const session = await stage.partner.sessions.get(stage.world.heldId);
      await stage.partner.sessions.update(session, { durationMinutes: (session.durationMinutes ?? 45) + 5 });
      find(root(stage.element), '[part="form"] button[type="submit"]')?.click();
      await until(() => Boolean(find(root(stage.element), '#form-notice')), WAIT);
    },
    shown: (stage) => [
      ...each(stage.world, ['displayName'], 'the notice', text(find(root(stage.element), '#form-notice'))),
      ...editFormShows(stage),
    ],
  },
  {
    name: '<rm-session-log>, a session’s feedback open',
    viewer: 'mentor',
    locale: 'en',
    render: (world) => html`<rm-session-log pair-id=${world.pairId}></rm-session-log>`,
    open: async (stage) => {
      await openPanel(stage, 'feedback');
      await answered(() => nestedForm(stage));
    },
    shown: (stage) => answersShow(stage.world, nestedForm(stage)),
  },
  {
    name: '<rm-stories>, as the admin, a story waiting for approval and a published one',
    viewer: 'admin',
    locale: 'en',
    render: () => html`<rm-stories limit="100"></rm-stories>`,
    open: storiesShown('waiting', 'published'),
    shown: (stage) => [...storyShows(stage, 'waiting'), ...storyShows(stage, 'published')],
  },
  {
    name: '<rm-stories pair-id>, in Italian, as the mentee, the stories and the admin’s note',
    viewer: 'mentee',
    locale: 'it',
    render: (world) => html`<rm-stories pair-id=${world.pairId}></rm-stories>`,
    open: storiesShown('published', 'waiting', 'returned'),
    shown: (stage) => [
      ...storyShows(stage, 'returned'),
      ...each(
        stage.world,
        ['storyNote'],
        'the note',
        text(find(storyCard(stage, stage.world.stories.returned), '[part~="note"]')),
      ),
      ...each(
        stage.world,
        ['displayName'],
        'the agreement',
        text(find(storyCard(stage, stage.world.stories.returned), '[part~="agreement"]')),
      ),
    ],
  },
  {
    name: '<rm-stories pair-id>, as the mentor, editing the returned story',
    viewer: 'mentor',
    locale: 'en',
    render: (world) => html`<rm-stories pair-id=${world.pairId}></rm-stories>`,
    open: async (stage) => {
      await storiesShown('returned')(stage);
      const edit = find<HTMLButtonElement>(storyCard(stage, stage.world.stories.returned), 'button.edit');
      edit?.click();
      await until(() => Boolean(find(root(stage.element), 'form input[name="title"]')), WAIT);
    },
    shown: (stage) => {
      const form = find(root(stage.element), 'form');
      return [
        ...each(stage.world, ['storyTitle'], 'the title field', value(find(form, 'input[name="title"]'))),
        ...each(stage.world, ['storyText'], 'the text field', value(find(form, 'textarea[name="text"]'))),
        ...each(stage.world, ['storyQuote'], 'the quote field', value(find(form, 'textarea[name="quote"]'))),
        ...each(stage.world, ['displayName'], 'who said it', text(find(form, 'select[name="by"]'))),
      ];
    },
  },
  {
    name: '<rm-feedback-form>, answered, with the partner’s shared answers',
    viewer: 'mentee',
    locale: 'en',
    render: (world) => html`<rm-feedback-form session-id=${world.heldId}></rm-feedback-form>`,
    open: (stage) => answered(() => stage.element),
    shown: (stage) => answersShow(stage.world, stage.element),
  },
  {
    name: '<rm-feedback-form>, changing the answers',
    viewer: 'mentee',
    locale: 'en',
    render: (world) => html`<rm-feedback-form session-id=${world.heldId}></rm-feedback-form>`,
    open: async (stage) => {
      await answered(() => stage.element);
      find(stage.element.shadowRoot, '[part="change"]')?.click();
      await until(() => Boolean(find(stage.element.shadowRoot, 'textarea[name="learned"]')), WAIT);
    },
    shown: (stage) => {
      const scope = stage.element.shadowRoot;
      return [
        ...each(stage.world, ['learned'], 'its field', value(find(scope, 'textarea[name="learned"]'))),
        ...each(stage.world, ['improve'], 'its field', value(find(scope, 'textarea[name="improve"]'))),
        ...questionsShow(stage.world, stage.element),
      ];
    },
  },
  {
    name: '<rm-feedback-form kind="midpoint">, not answered yet',
    viewer: 'mentor',
    locale: 'en',
    render: (world) => html`<rm-feedback-form pair-id=${world.pairId} kind="midpoint"></rm-feedback-form>`,
    open: async (stage) => {
      await until(() => Boolean(find(stage.element.shadowRoot, 'textarea[name="learned"]')), WAIT);
    },
    shown: (stage) => questionsShow(stage.world, stage.element),
  },
  {
    name: '<rm-program-dashboard>, as the admin, its charts',
    viewer: 'admin',
    locale: 'en',
    render: (world) => html`<rm-program-dashboard program-id=${world.programId}></rm-program-dashboard>`,
    open: dashboardLoaded,
    shown: (stage) => dashboardShows(stage, '.bar-label'),
  },
  {
    name: '<rm-program-dashboard>, in Italian, its charts shown as tables',
    viewer: 'admin',
    locale: 'it',
    render: (world) => html`<rm-program-dashboard program-id=${world.programId}></rm-program-dashboard>`,
    open: async (stage) => {
      await dashboardLoaded(stage);
      for (const id of ['cancellations', 'topics'])
        find(dashboardChart(stage, id), '[part~="table-toggle"]')?.click();
      await until(
        () =>
          Boolean(
            find(dashboardChart(stage, 'cancellations'), 'table') &&
              find(dashboardChart(stage, 'topics'), 'table'),
          ),
        WAIT,
      );
    },
    shown: (stage) => dashboardShows(stage, 'tbody th'),
  },
];
