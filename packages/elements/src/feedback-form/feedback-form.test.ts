/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import type { Feedback, Session } from '@rm-kit/core';
import { createClient, indexedDbStore, type RmClient, RmNotFoundError } from '@rm-kit/sdk';
import { sendKeys } from '@web/test-runner-commands';
import '../provider/provider.js';
import {
  meOf,
  PEOPLE,
  rmServer,
  sent,
  setOffline,
  stopServer,
  tokenFor,
  until,
} from '../test-support/server.js';
import type { RmFeedbackForm } from './feedback-form.component.js';
import './feedback-form.js';

describe('<rm-feedback-form>', () => {
  let url: string;
  /** Giulia (mentor, early career) and Marco (mentee, the CFO): their active pair. */
  let pairId: string;
  let lucaPairId: string;
  const clients: RmClient[] = [];
  /** Fetched before any test stops the server: asking for one would start it again. */
  const tokens = new Map<string, string>();

  const clientFor = async (
    email: string,
    store = `rm-kit-test-${crypto.randomUUID()}`,
    fetchFn?: typeof fetch,
  ) => {
    const client = createClient({
      baseUrl: url,
      token: tokens.get(email) ?? (await tokenFor(email)),
      store: indexedDbStore(store),
      syncIntervalMs: 0,
      retry: { maxRetries: 0 },
      ...(fetchFn ? { fetch: fetchFn } : {}),
    });
    clients.push(client);
    return client;
  };

  /** A new held session in Giulia and Marco's pair: nobody has answered it yet. */
  const freshSession = async (): Promise<Session> => {
    const giulia = await clientFor(PEOPLE.giulia);
    return sent(
      await giulia.sessions.create(pairId, {
        status: 'held',
        // Held weeks ago, before the pair's latest seeded session: other test files read the
        // pair's "last session", and a session held today would change it under them. Older
        // than the sessions other files log (a month ago), so these never push those off the
        // log's first page.
        occurredAt: new Date(
          Date.now() - 45 * 86_400_000 - Math.floor(Math.random() * 1440) * 60_000,
        ).toISOString(),
        durationMinutes: 45,
        topics: ['ai-tools'],
        summary: `feedback-form test ${crypto.randomUUID()}`,
      }),
    );
  };

  const answersAbout = async (email: string, sessionId: string): Promise<Feedback[]> => {
    const reader = await clientFor(email);
    return (await reader.feedback.page(pairId, { sessionId })).items;
  };

  const shadow = (el: RmFeedbackForm) => el.shadowRoot as ShadowRoot;
  const text = (el: RmFeedbackForm) => shadow(el).textContent?.replace(/\s+/g, ' ') ?? '';
  const loaded = (el: RmFeedbackForm) =>
    until(
      () => !shadow(el).querySelector('[part="loading"]') && el.shadowRoot?.querySelector('section') !== null,
    );
  const radio = (el: RmFeedbackForm, name: string, value: number) =>
    shadow(el).querySelector(`input[name="${name}"][value="${value}"]`) as HTMLInputElement;
  const submitButton = (el: RmFeedbackForm) =>
    shadow(el).querySelector('button[type="submit"]') as HTMLButtonElement;
  const focused = (el: RmFeedbackForm) => shadow(el).activeElement;

  /** Answers by clicking, as a pointer user does. */
  const fillByPointer = (
    el: RmFeedbackForm,
    { usefulness = 4, trust = 5, preparation = 3, recommend = 8 } = {},
  ) => {
    radio(el, 'usefulness', usefulness).click();
    radio(el, 'trust', trust).click();
    radio(el, 'preparation', preparation).click();
    radio(el, 'recommend', recommend).click();
  };

  before(async () => {
    url = await rmServer();
    for (const email of [PEOPLE.giulia, PEOPLE.marco, PEOPLE.luca]) tokens.set(email, await tokenFor(email));
    const giulia = await meOf(PEOPLE.giulia);
    const marco = await meOf(PEOPLE.marco);
    pairId = giulia.pairs.find((p) => p.menteeId === marco.person.id && p.status === 'active')?.id ?? '';
    expect(pairId).to.match(/^par_/);
    lucaPairId = (await meOf(PEOPLE.luca)).pairs.find((p) => p.status === 'active')?.id ?? '';
    expect(lucaPairId).to.match(/^par_/);
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  // Whatever a test did to the server, the next test file finds it running.
  after(() => rmServer());

  it('keeps its questions, the answers chosen and its button when a list takes it out of the page and puts it back', async () => {
    const session = await freshSession();
    const client = await clientFor(PEOPLE.giulia);
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><rm-feedback-form .client=${client} session-id=${session.id}></rm-feedback-form></div>`,
    );
    const el = wrapper.querySelector('rm-feedback-form') as RmFeedbackForm;
    await loaded(el);
    radio(el, 'usefulness', 2).click();
    radio(el, 'trust', 5).click();
    // As the session log's virtual list does with a session scrolled out of view, and back.
    el.remove();
    wrapper.append(el);
    radio(el, 'preparation', 4).click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="loading"]')).to.equal(null);
    expect(radio(el, 'usefulness', 2).checked).to.equal(true);
    radio(el, 'recommend', 7).click();
    await el.updateComplete;
    expect(submitButton(el)?.textContent?.trim()).to.equal('Send feedback');
    submitButton(el).click();
    await until(() => text(el).includes('Thank you, your feedback has been sent.'));
    const [answer] = await answersAbout(PEOPLE.giulia, session.id);
    expect(answer?.ratings).to.deep.equal({ usefulness: 2, trust: 5, preparation: 4 });
    expect(answer?.recommend).to.equal(7);
  });

  it('fills and submits by keyboard only, and the server has exactly that answer, unreadable to the partner', async () => {
    const session = await freshSession();
    const client = await clientFor(PEOPLE.giulia);
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <button id="before">before</button>
      <rm-feedback-form .client=${client} session-id=${session.id}></rm-feedback-form>
    </div>`);
    const el = wrapper.querySelector('rm-feedback-form') as RmFeedbackForm;
    const submitted: CustomEvent[] = [];
    el.addEventListener('rm-feedback-submitted', (event) => submitted.push(event));
    await loaded(el);
    expect(text(el)).to.contain('You are answering as the mentor');
    expect(text(el)).to.contain(
      'Marco Rinaldi will see your answers only if you choose to share them, and only once they have answered too. The program’s HR leads see only anonymous averages of at least 3 answers.',
    );
    expect(text(el)).to.contain('How well prepared did Marco Rinaldi seem to you?');
    expect(text(el)).to.contain('Share your answers with Marco Rinaldi');

    (wrapper.querySelector('#before') as HTMLButtonElement).focus();
    const press = (key: string, times = 1) =>
      Array.from({ length: times }).reduce<Promise<void>>(
        (prev) => prev.then(() => sendKeys({ press: key })),
        Promise.resolve(),
      );
    // Usefulness: Tab into the group, Space picks 1, arrows move the choice to 4.
    await press('Tab');
    expect(focused(el)).to.equal(radio(el, 'usefulness', 1));
    await press('Space');
    await press('ArrowRight', 3);
    // Trust: 5.
    await press('Tab');
    await press('Space');
    await press('ArrowRight', 4);
    // Preparation: 3.
    await press('Tab');
    await press('Space');
    await press('ArrowRight', 2);
    // Recommendation: 0, then up to 8.
    await press('Tab');
    expect(focused(el)).to.equal(radio(el, 'recommend', 0));
    await press('Space');
    await press('ArrowRight', 8);
    await press('Tab');
    await sendKeys({ type: 'How a CFO reads a cash-flow statement' });
    await press('Tab');
    await sendKeys({ type: 'Shorter agenda' });
    await press('Tab'); // the share checkbox, left off
    expect((focused(el) as HTMLInputElement).type).to.equal('checkbox');
    await press('Tab');
    expect(focused(el)).to.equal(submitButton(el));
    await press('Enter');

    await until(() => text(el).includes('Thank you, your feedback has been sent.'));
    expect(focused(el)?.classList.contains('done-heading')).to.equal(true);
    // Said once: the heading, read out as the focus lands on it; no status line below repeating it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(text(el).split('Thank you').length - 1).to.equal(1);
    expect(shadow(el).querySelector('[role="status"][aria-live="polite"]')?.textContent?.trim()).to.equal('');
    expect(text(el)).to.contain('4 of 5');
    expect(text(el)).to.contain('8 of 10');
    expect(text(el)).to.contain('Answers not shared.');
    expect(submitted).to.have.length(1);
    expect(submitted[0]?.detail.pending).to.equal(false);

    const [answer, ...others] = await answersAbout(PEOPLE.giulia, session.id);
    expect(others).to.have.length(0);
    expect(answer).to.deep.include({
      kind: 'session',
      sessionId: session.id,
      authorRole: 'mentor',
      recommend: 8,
      learned: 'How a CFO reads a cash-flow statement',
      improve: 'Shorter agenda',
      shareWithPartner: false,
    });
    expect(answer?.ratings).to.deep.equal({ usefulness: 4, trust: 5, preparation: 3 });
    expect(submitted[0]?.detail.feedback.id).to.equal(answer?.id);

    // Not shared: the partner cannot read it, not even by its id.
    const marco = await clientFor(PEOPLE.marco);
    const refusal = await marco.feedback.get(answer?.id ?? '').catch((error: unknown) => error);
    expect(refusal).to.be.instanceOf(RmNotFoundError);
    await expect(el).to.be.accessible();
  });

  it('shows the errors beside the questions and moves the focus to the first one missing', async () => {
    const session = await freshSession();
    const el = await fixture<RmFeedbackForm>(
      html`<rm-feedback-form .client=${await clientFor(PEOPLE.giulia)} session-id=${session.id}></rm-feedback-form>`,
    );
    await loaded(el);
    await expect(el).to.be.accessible();

    submitButton(el).click();
    await until(() => shadow(el).querySelectorAll('.field-error').length === 4);
    const usefulness = shadow(el).querySelector(
      'fieldset[aria-describedby~="usefulness-error"]',
    ) as HTMLElement;
    expect(usefulness.getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el).querySelector('#usefulness-error')?.textContent?.trim()).to.equal(
      'Choose a rating from 1 to 5.',
    );
    expect(shadow(el).querySelector('#recommend-error')?.textContent?.trim()).to.equal(
      'Choose a number from 0 to 10.',
    );
    await until(
      () => shadow(el).querySelector('[aria-live="polite"]')?.textContent === 'There are 4 answers to check.',
    );
    expect(focused(el)).to.equal(radio(el, 'usefulness', 1));
    await expect(el).to.be.accessible();

    // Answered questions lose their error; the focus goes to the next one missing.
    radio(el, 'usefulness', 2).click();
    radio(el, 'trust', 3).click();
    await el.updateComplete;
    expect(shadow(el).querySelector('#usefulness-error')).to.equal(null);
    submitButton(el).click();
    await until(() => focused(el) === radio(el, 'preparation', 1));
    expect(await answersAbout(PEOPLE.giulia, session.id)).to.have.length(0);
  });

  it('shows an answer given before read-only, and says so plainly when it was given meanwhile (409)', async () => {
    const session = await freshSession();
    const giulia = await clientFor(PEOPLE.giulia);
    const el = await fixture<RmFeedbackForm>(
      html`<rm-feedback-form .client=${giulia} session-id=${session.id}></rm-feedback-form>`,
    );
    await loaded(el);
    // Meanwhile, in another tab, she answers.
    await giulia.feedback.create(pairId, {
      kind: 'session',
      sessionId: session.id,
      ratings: { usefulness: 3, trust: 4, preparation: 2 },
      recommend: 6,
      learned: 'Answered in another tab',
    });
    fillByPointer(el);
    submitButton(el).click();
    // The live event of that answer, or the server's 409, whichever comes first, shows it.
    await until(() => text(el).includes('You have already given feedback on this session'));
    expect(text(el)).to.contain('Answered in another tab');
    expect(text(el)).to.contain('6 of 10');
    expect(await answersAbout(PEOPLE.giulia, session.id)).to.have.length(1);

    // Opened again later: read-only straight away, no form.
    const again = await fixture<RmFeedbackForm>(
      html`<rm-feedback-form .client=${await clientFor(PEOPLE.giulia)} session-id=${session.id}></rm-feedback-form>`,
    );
    await loaded(again);
    expect(text(again)).to.contain('You have already given feedback on this session');
    expect(text(again)).to.contain('3 of 5');
    expect(shadow(again).querySelector('input, textarea, button[type="submit"]')).to.equal(null);
    expect(again.checkValidity()).to.equal(true);
    await expect(again).to.be.accessible();
  });

  it('never shows one person’s answers to the next person who uses the form', async () => {
    const session = await freshSession();
    const el = await fixture<RmFeedbackForm>(
      html`<rm-feedback-form .client=${await clientFor(PEOPLE.giulia)} session-id=${session.id}></rm-feedback-form>`,
    );
    await loaded(el);
    fillByPointer(el);
    (shadow(el).querySelector('textarea[name="improve"]') as HTMLTextAreaElement).value = 'Private to Giulia';
    shadow(el).querySelector('textarea[name="improve"]')?.dispatchEvent(new Event('input'));
    submitButton(el).click();
    await until(() => text(el).includes('Thank you'));
    // Someone else signs in on the same page.
    el.client = await clientFor(PEOPLE.marco);
    await until(() => text(el).includes('You are answering as the mentee'));
    await loaded(el);
    expect(text(el)).to.not.contain('Private to Giulia');
    expect(text(el)).to.not.contain('Thank you');
    expect(radio(el, 'usefulness', 4).checked).to.equal(false);
  });

  it('lets the partner read a shared answer once they have answered too', async () => {
    const session = await freshSession();
    const el = await fixture<RmFeedbackForm>(
      html`<rm-feedback-form .client=${await clientFor(PEOPLE.giulia)} session-id=${session.id}></rm-feedback-form>`,
    );
    await loaded(el);
    fillByPointer(el, { recommend: 10 });
    (shadow(el).querySelector('input[type="checkbox"]') as HTMLInputElement).click();
    submitButton(el).click();
    await until(() =>
      text(el).includes('Answers shared: Marco Rinaldi will see them once they have answered too.'),
    );
    const [mine] = await answersAbout(PEOPLE.giulia, session.id);
    expect(mine?.shareWithPartner).to.equal(true);

    const marco = await clientFor(PEOPLE.marco);
    expect(await marco.feedback.get(mine?.id ?? '').catch((error: unknown) => error)).to.be.instanceOf(
      RmNotFoundError,
    );
    await marco.feedback.create(pairId, {
      kind: 'session',
      sessionId: session.id,
      ratings: { usefulness: 5, trust: 5, preparation: 5 },
      recommend: 9,
    });
    expect((await marco.feedback.get(mine?.id ?? '')).recommend).to.equal(10);
  });

  it('keeps an answer given offline as pending and confirms it once the server is back', async () => {
    const session = await freshSession();
    const client = await clientFor(PEOPLE.giulia);
    const el = await fixture<RmFeedbackForm>(
      html`<rm-feedback-form .client=${client} session-id=${session.id}></rm-feedback-form>`,
    );
    const submitted: boolean[] = [];
    el.addEventListener('rm-feedback-submitted', (event) => submitted.push(event.detail.pending));
    await loaded(el);
    try {
      await stopServer();
      fillByPointer(el, { usefulness: 5, trust: 4, preparation: 4, recommend: 9 });
      submitButton(el).click();
      await until(() =>
        text(el).includes(
          'Thank you! Your feedback is saved on this device and will be sent as soon as you are back online.',
        ),
      );
      expect(text(el)).to.contain('Waiting to be sent');
      expect(focused(el)?.classList.contains('done-heading')).to.equal(true);
      expect(submitted).to.deep.equal([true]);
      await expect(el).to.be.accessible();

      await rmServer();
      await client.sync();
      await until(() => !text(el).includes('Waiting to be sent'));
      expect(text(el)).to.contain('Thank you, your feedback has been sent.');
      // Sent later, with the reader's focus elsewhere: said to screen readers, while on screen
      // the heading alone says it.
      const status = shadow(el).querySelector('[aria-live="polite"]');
      await until(() => status?.textContent?.includes('Your feedback has been sent.') ?? false);
      expect(status?.classList.contains('shown')).to.equal(false);
      expect(text(el).split('has been sent').length - 1).to.equal(2);
      expect(submitted).to.deep.equal([true, false]);
      const answers = await answersAbout(PEOPLE.giulia, session.id);
      expect(answers).to.have.length(1);
      expect(answers[0]?.ratings).to.deep.equal({ usefulness: 5, trust: 4, preparation: 4 });
    } finally {
      await rmServer();
    }
  });

  it('shows the offline notice when it reads an offline copy, and an error with a retry when it has none', async () => {
    const session = await freshSession();
    const store = `rm-kit-test-${crypto.randomUUID()}`;
    const first = await fixture<RmFeedbackForm>(
      html`<rm-feedback-form .client=${await clientFor(PEOPLE.giulia, store)} session-id=${session.id}></rm-feedback-form>`,
    );
    await loaded(first);
    expect(shadow(first).querySelector('[part="notice"]')).to.equal(null);
    const errors: string[] = [];
    try {
      await stopServer();
      // A reload while offline: the same store, so the same offline copy.
      const offline = await fixture<RmFeedbackForm>(
        html`<rm-feedback-form .client=${await clientFor(PEOPLE.giulia, store)} session-id=${session.id}></rm-feedback-form>`,
      );
      await loaded(offline);
      expect(shadow(offline).querySelector('[part="notice"]')?.textContent).to.contain('You are offline');
      expect(radio(offline, 'usefulness', 1)).to.exist;

      // Nothing cached in this one: an error that says so, and a way to try again.
      const empty = await fixture<RmFeedbackForm>(
        html`<rm-feedback-form
          .client=${await clientFor(PEOPLE.giulia)}
          session-id=${session.id}
          @rm-error=${(event: CustomEvent) => errors.push(event.detail.action)}
        ></rm-feedback-form>`,
      );
      await until(() => shadow(empty).querySelector('[part="retry"]') !== null);
      expect(errors).to.deep.equal(['load']);
      await rmServer();
      (shadow(empty).querySelector('[part="retry"]') as HTMLButtonElement).click();
      await until(() => radio(empty, 'usefulness', 1) !== null);
    } finally {
      await rmServer();
    }
  });

  it('works as a control of a host form: its value under its name, invalid until answered, reset', async () => {
    const session = await freshSession();
    const form = await fixture<HTMLFormElement>(html`<form>
      <rm-feedback-form
        name="feedback"
        no-submit
        .client=${await clientFor(PEOPLE.giulia)}
        session-id=${session.id}
      ></rm-feedback-form>
    </form>`);
    const el = form.querySelector('rm-feedback-form') as RmFeedbackForm;
    await loaded(el);
    expect(submitButton(el)).to.equal(null);
    expect(el.form).to.equal(form);
    expect(form.checkValidity()).to.equal(false);
    expect(el.validity.valueMissing).to.equal(true);
    expect(el.validationMessage).to.equal('Choose a rating from 1 to 5.');

    fillByPointer(el, { usefulness: 2, trust: 3, preparation: 4, recommend: 7 });
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    (shadow(el).querySelector('#learned') as HTMLTextAreaElement).value = 'Typed in a host form';
    shadow(el)
      .querySelector('#learned')
      ?.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    const value = JSON.parse(String(new FormData(form).get('feedback')));
    expect(value).to.deep.equal({
      kind: 'session',
      sessionId: session.id,
      ratings: { usefulness: 2, trust: 3, preparation: 4 },
      recommend: 7,
      learned: 'Typed in a host form',
      improve: '',
      shareWithPartner: false,
    });
    expect(el.value).to.equal(String(new FormData(form).get('feedback')));

    form.reset();
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    expect(radio(el, 'usefulness', 2).checked).to.equal(false);
    expect(JSON.parse(el.value).ratings).to.deep.equal({ usefulness: null, trust: null, preparation: null });
    // Submitting the host form now: the browser refuses, the element shows why and where.
    const sent: Event[] = [];
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      sent.push(event);
    });
    form.requestSubmit();
    await el.updateComplete;
    expect(sent).to.have.length(0);
    expect(shadow(el).querySelector('#usefulness-error')?.textContent?.trim()).to.equal(
      'Choose a rating from 1 to 5.',
    );
    expect(focused(el)).to.equal(radio(el, 'usefulness', 1));
    // The host form takes the value: the element itself sent nothing.
    expect(await answersAbout(PEOPLE.giulia, session.id)).to.have.length(0);
  });

  it('works without a client as a plain form control when no-submit is set', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <rm-feedback-form name="fb" no-submit pair-id=${pairId} kind="final"></rm-feedback-form>
    </form>`);
    const el = form.querySelector('rm-feedback-form') as RmFeedbackForm;
    await el.updateComplete;
    expect(text(el)).to.contain('Final feedback');
    fillByPointer(el);
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    expect(JSON.parse(String(new FormData(form).get('fb')))).to.deep.include({
      kind: 'final',
      sessionId: null,
    });
    await expect(el).to.be.accessible();
  });

  it('renders in Italian under lang="it"', async () => {
    const session = await freshSession();
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="it">
      <rm-provider base-url=${url} token=${await tokenFor(PEOPLE.giulia)}>
        <rm-feedback-form session-id=${session.id}></rm-feedback-form>
      </rm-provider>
    </div>`);
    const el = wrapper.querySelector('rm-feedback-form') as RmFeedbackForm;
    await loaded(el);
    // The date in full: "di giovedì 1 ottobre 2026", never "del 1 ott 2026".
    const date = new Intl.DateTimeFormat('it', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(new Date(session.occurredAt ?? ''));
    expect(shadow(el).querySelector('h2')?.textContent).to.contain(`Feedback sulla sessione di ${date}`);
    expect(text(el)).to.contain('Rispondi come mentor');
    expect(text(el)).to.not.contain('inizio carriera');
    expect(text(el)).to.contain('Quanto ti è stata utile la sessione?');
    expect(text(el)).to.contain('In che misura hai potuto parlare apertamente, senza timori?');
    expect(text(el)).to.contain('Quanto ti è sembrata adeguata la preparazione di Marco Rinaldi?');
    expect(text(el)).to.contain(
      'Quanto è probabile che tu consigli il programma a una collega o a un collega?',
    );
    expect(text(el)).to.contain(
      'Marco Rinaldi vedrà le tue risposte solo se scegli di condividerle, e solo dopo aver risposto a sua volta. I referenti HR del programma vedono soltanto medie anonime, calcolate su almeno 3 risposte.',
    );
    expect(text(el)).to.contain('Condividi le tue risposte con Marco Rinaldi');
    expect(submitButton(el).textContent?.trim()).to.equal('Invia il feedback');
    submitButton(el).click();
    await until(() => shadow(el).querySelector('#usefulness-error') !== null);
    expect(shadow(el).querySelector('#usefulness-error')?.textContent?.trim()).to.equal(
      'Scegli un voto da 1 a 5.',
    );
    await until(
      () =>
        shadow(el).querySelector('[aria-live="polite"]')?.textContent ===
        'Ci sono 4 risposte da controllare.',
    );
    await expect(el).to.be.accessible();
  });

  it('answers the mid-point feedback through pair-id and kind', async () => {
    // Past its mid-point: the server takes a mid-point answer only from that day.
    const halfway = await pairWithDates(-100, 50);
    const el = await fixture<RmFeedbackForm>(
      html`<rm-feedback-form .client=${await clientFor(halfway.mentor)} pair-id=${halfway.pairId} kind="midpoint"></rm-feedback-form>`,
    );
    await loaded(el);
    expect(shadow(el).querySelector('h2')?.textContent?.trim()).to.equal('Mid-point feedback');
    expect(text(el)).to.contain('How useful has the program been so far?');
    fillByPointer(el, { usefulness: 3, trust: 3, preparation: 2, recommend: 5 });
    submitButton(el).click();
    await until(() => text(el).includes('Thank you, your feedback has been sent.'));

    const mentor = await clientFor(halfway.mentor);
    const me = await mentor.me.get();
    const mine = (await mentor.feedback.page(halfway.pairId, { kind: 'midpoint' })).items.filter(
      (f) => f.authorId === me.person?.id,
    );
    expect(mine).to.have.length(1);
    expect(mine[0]).to.deep.include({ kind: 'midpoint', sessionId: null, recommend: 5 });

    // Giulia answered her pair's mid-point in the seed: read-only at once.
    const giulia = await fixture<RmFeedbackForm>(
      html`<rm-feedback-form .client=${await clientFor(PEOPLE.giulia)} pair-id=${pairId} kind="midpoint"></rm-feedback-form>`,
    );
    await loaded(giulia);
    expect(text(giulia)).to.contain('You have already given the mid-point feedback');
    expect(text(giulia)).to.contain('Capisco i nostri numeri molto meglio di quanto pensassi.');
  });

  it('says plainly that a session of another pair is not there, and passes axe', async () => {
    const luca = await clientFor(PEOPLE.luca);
    const [lucasSession] = (await luca.sessions.page(lucaPairId, { limit: 1 })).items;
    const el = await fixture<RmFeedbackForm>(
      html`<rm-feedback-form .client=${await clientFor(PEOPLE.giulia)} session-id=${lucasSession?.id ?? ''}></rm-feedback-form>`,
    );
    await until(() => shadow(el).querySelector('[part="error"]') !== null);
    expect(text(el)).to.contain('This could not be found, or it is not shared with you.');
    expect(shadow(el).querySelector('[part="retry"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  /** Giulia's answer to a new session, given before the form opens. */
  const answered = async (
    email: string,
    sessionId: string,
    { recommend = 6, share = false, learned = '' } = {},
  ): Promise<Feedback> =>
    sent(
      await (await clientFor(email)).feedback.create(pairId, {
        kind: 'session',
        sessionId,
        ratings: { usefulness: 3, trust: 4, preparation: 2 },
        recommend,
        learned,
        shareWithPartner: share,
      }),
    );

  const button = (el: RmFeedbackForm, name: string) =>
    [...shadow(el).querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === name,
    ) as HTMLButtonElement;

  /**
   * A new active pair, made by the HR admin, in a program of its own with the given dates
   * (days from today): the seeded pair's dates are shared by every test file.
   */
  const pairWithDates = async (startDay: number, endDay: number) => {
    const chiara = await clientFor(PEOPLE.chiara);
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const tag = crypto.randomUUID().slice(0, 8);
    const program = sent(
      await chiara.programs.create({
        name: `Phase test ${tag}`,
        startsOn: day(startDay),
        endsOn: day(endDay),
        cadenceDays: 14,
        status: 'active',
      }),
    );
    const person = async (who: string, careerStage: 'early' | 'executive') =>
      sent(
        await chiara.people.create({
          email: `${who}.${tag}@contoso.example`,
          displayName: `${who === 'anna' ? 'Anna' : 'Paolo'} ${tag}`,
          department: who === 'anna' ? 'Marketing' : 'Operations',
          careerStage,
          locale: 'en',
        }),
      );
    const mentor = await person('anna', 'early');
    const mentee = await person('paolo', 'executive');
    const pair = sent(
      await chiara.pairs.create(program.id, {
        mentorId: mentor.id,
        menteeId: mentee.id,
        status: 'active',
        startedOn: day(startDay),
        // Two people with no enrolment, made active at once: an admin's override.
        override: true,
      }),
    );
    return { pairId: pair.id, mentor: mentor.email, mentee: mentee.email, day };
  };

  it('shows the other person’s shared answers beside one’s own once both answered, live', async () => {
    const session = await freshSession();
    const wrapper = await fixture<HTMLDivElement>(html`<div class="pair-of-forms">
      <rm-feedback-form .client=${await clientFor(PEOPLE.giulia)} session-id=${session.id}></rm-feedback-form>
      <rm-feedback-form .client=${await clientFor(PEOPLE.marco)} session-id=${session.id}></rm-feedback-form>
    </div>`);
    const [giulia, marco] = [...wrapper.querySelectorAll('rm-feedback-form')] as RmFeedbackForm[];
    if (!giulia || !marco) throw new Error('two forms');
    giulia.style.width = '900px';
    await loaded(giulia);
    fillByPointer(giulia, { recommend: 9 });
    (shadow(giulia).querySelector('input[type="checkbox"]') as HTMLInputElement).click();
    submitButton(giulia).click();
    await until(() => text(giulia).includes('Thank you, your feedback has been sent.'));
    expect(text(giulia)).to.contain('Your answers');
    expect(text(giulia)).to.contain('Marco Rinaldi’s answers');
    expect(text(giulia)).to.contain(
      'Marco Rinaldi’s answers will appear here once they have answered and chosen to share them with you.',
    );
    expect(text(giulia)).to.contain(
      'Answers shared: Marco Rinaldi will see them once they have answered too.',
    );
    await expect(giulia).to.be.accessible();

    // Marco answers and shares: he sees hers at once, and she sees his without reloading.
    await loaded(marco);
    fillByPointer(marco, { usefulness: 5, trust: 5, preparation: 4, recommend: 7 });
    (shadow(marco).querySelector('textarea[name="learned"]') as HTMLTextAreaElement).value =
      'Reverse is right';
    shadow(marco).querySelector('textarea[name="learned"]')?.dispatchEvent(new Event('input'));
    (shadow(marco).querySelector('input[type="checkbox"]') as HTMLInputElement).click();
    submitButton(marco).click();
    await until(() => text(marco).includes('Giulia Rossi’s answers'));
    const theirsOf = (el: RmFeedbackForm) => shadow(el).querySelector('[part="partner"]') as HTMLElement;
    await until(() => theirsOf(marco).textContent?.includes('9 of 10') ?? false);
    expect(theirsOf(marco).textContent).to.contain('Your preparation');
    expect(text(marco)).to.contain('Answers shared: Giulia Rossi can see them.');
    await until(() => theirsOf(giulia).textContent?.includes('Reverse is right') ?? false);
    expect(theirsOf(giulia).textContent).to.contain('7 of 10');
    expect(text(giulia)).to.contain('Answers shared: Marco Rinaldi can see them.');
    await expect(giulia).to.be.accessible();

    // Side by side on a wide column, one above the other at 375 px.
    const columns = (el: RmFeedbackForm) =>
      [...shadow(el).querySelectorAll('.answers > .column')].map((c) => c.getBoundingClientRect().top);
    const [wideMine, wideTheirs] = columns(giulia);
    expect(wideMine).to.equal(wideTheirs);
    giulia.style.width = '375px';
    await until(() => {
      const [mine, theirs] = columns(giulia);
      return (theirs ?? 0) > (mine ?? 0);
    });

    // He takes his back: she no longer sees it, live.
    const [his] = (
      await (await clientFor(PEOPLE.marco)).feedback.page(pairId, { sessionId: session.id })
    ).items.filter((f) => f.authorRole === 'mentee');
    await (await clientFor(PEOPLE.marco)).feedback.update(his as Feedback, { shareWithPartner: false });
    await until(() => !(theirsOf(giulia).textContent?.includes('Reverse is right') ?? true));
    expect(theirsOf(giulia).textContent).to.contain('will appear here once they have answered');
  });

  it('changes one’s answers with If-Match, and withdraws them after asking', async () => {
    const session = await freshSession();
    await answered(PEOPLE.giulia, session.id, { learned: 'First thoughts' });
    const el = await fixture<RmFeedbackForm>(
      html`<rm-feedback-form .client=${await clientFor(PEOPLE.giulia)} session-id=${session.id}></rm-feedback-form>`,
    );
    const events: string[] = [];
    el.addEventListener('rm-feedback-submitted', (e) => events.push(`submitted ${e.detail.pending}`));
    el.addEventListener('rm-feedback-withdrawn', (e) => events.push(`withdrawn ${e.detail.pending}`));
    await loaded(el);
    expect(text(el)).to.contain('You have already given feedback on this session');

    button(el, 'Change my answers').click();
    await until(() => radio(el, 'usefulness', 3)?.checked === true);
    expect(focused(el)).to.equal(radio(el, 'usefulness', 3));
    expect((shadow(el).querySelector('#learned') as HTMLTextAreaElement).value).to.equal('First thoughts');
    await expect(el).to.be.accessible();
    radio(el, 'recommend', 9).click();
    button(el, 'Save changes').click();
    await until(() => text(el).includes('Your changes have been saved.'));
    expect(text(el)).to.contain('9 of 10');
    expect(focused(el)?.classList.contains('done-heading')).to.equal(true);
    const [changed] = await answersAbout(PEOPLE.giulia, session.id);
    expect(changed).to.deep.include({ recommend: 9, learned: 'First thoughts', version: 2 });

    button(el, 'Withdraw my answers').click();
    await until(() => text(el).includes('Withdraw your answers? They will be deleted'));
    expect(focused(el)?.textContent?.trim()).to.equal('Keep my answers');
    await expect(el).to.be.accessible();
    button(el, 'Keep my answers').click();
    await until(() => button(el, 'Withdraw my answers') !== undefined);
    button(el, 'Withdraw my answers').click();
    await until(() => button(el, 'Withdraw') !== undefined);
    button(el, 'Withdraw').click();
    await until(() => text(el).includes('Your answers have been withdrawn.'));
    expect(radio(el, 'usefulness', 3).checked).to.equal(false);
    expect(submitButton(el).textContent?.trim()).to.equal('Send feedback');
    expect(await answersAbout(PEOPLE.giulia, session.id)).to.have.length(0);
    expect(events).to.deep.equal(['submitted false', 'withdrawn false']);
    await expect(el).to.be.accessible();
  });

  it('says plainly that the answers changed elsewhere first (412), and shows them as they are now', async () => {
    const session = await freshSession();
    const first = await answered(PEOPLE.giulia, session.id);
    const el = await fixture<RmFeedbackForm>(
      html`<rm-feedback-form .client=${await clientFor(PEOPLE.giulia)} session-id=${session.id}></rm-feedback-form>`,
    );
    await loaded(el);
    button(el, 'Change my answers').click();
    await until(() => radio(el, 'recommend', 6)?.checked === true);
    // Meanwhile, in another tab, she changes them.
    await (await clientFor(PEOPLE.giulia)).feedback.update(first, { learned: 'Changed in another tab' });
    radio(el, 'recommend', 2).click();
    button(el, 'Save changes').click();
    await until(() => text(el).includes('Your answers were changed in another window or on another device'));
    expect(text(el)).to.contain('Changed in another tab');
    expect(text(el)).to.contain('6 of 10');
    const [now] = await answersAbout(PEOPLE.giulia, session.id);
    expect(now).to.deep.include({ recommend: 6, version: 2 });
    await expect(el).to.be.accessible();
  });

  it('keeps a change made offline as waiting, and it arrives once', async () => {
    const session = await freshSession();
    await answered(PEOPLE.giulia, session.id);
    const client = await clientFor(PEOPLE.giulia);
    const el = await fixture<RmFeedbackForm>(
      html`<rm-feedback-form .client=${client} session-id=${session.id}></rm-feedback-form>`,
    );
    const submitted: boolean[] = [];
    el.addEventListener('rm-feedback-submitted', (event) => submitted.push(event.detail.pending));
    await loaded(el);
    try {
      button(el, 'Change my answers').click();
      await until(() => radio(el, 'recommend', 6)?.checked === true);
      await setOffline(true);
      radio(el, 'recommend', 10).click();
      button(el, 'Save changes').click();
      await until(() =>
        text(el).includes(
          'Your changes are saved on this device and will be sent as soon as you are back online.',
        ),
      );
      expect(text(el)).to.contain('Waiting to be sent');
      expect(text(el)).to.contain('10 of 10');
      await expect(el).to.be.accessible();

      await setOffline(false);
      await client.sync();
      await until(() => !text(el).includes('Waiting to be sent'));
      expect(text(el)).to.contain('Your changes have been saved.');
      await until(
        () =>
          shadow(el).querySelector('[aria-live="polite"]')?.textContent === 'Your changes have been sent.',
      );
      expect(submitted).to.deep.equal([true, false]);
      const answers = await answersAbout(PEOPLE.giulia, session.id);
      expect(answers).to.have.length(1);
      expect(answers[0]).to.deep.include({ recommend: 10, version: 2 });
    } finally {
      await setOffline(false);
    }
  });

  it('picks the program phase open by the pair’s dates, and says when none is open yet', async () => {
    // The seeded pair answered its mid-point, both sharing: each sees the other's answers.
    const seeded = await fixture<RmFeedbackForm>(
      html`<rm-feedback-form .client=${await clientFor(PEOPLE.marco)} pair-id=${pairId}></rm-feedback-form>`,
    );
    await loaded(seeded);
    expect(shadow(seeded).querySelector('h2')?.textContent?.trim()).to.equal('Mid-point feedback');
    expect(text(seeded)).to.contain('Giulia Rossi’s answers');
    expect(text(seeded)).to.contain('Capisco i nostri numeri molto meglio di quanto pensassi.');

    const early = await pairWithDates(-10, 200);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="it">
      <rm-feedback-form .client=${await clientFor(early.mentor)} pair-id=${early.pairId}></rm-feedback-form>
    </div>`);
    const closed = wrapper.querySelector('rm-feedback-form') as RmFeedbackForm;
    await loaded(closed);
    const opensOn = new Intl.DateTimeFormat('it', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(new Date(`${early.day(95)}T12:00:00`));
    expect(shadow(closed).querySelector('h2')?.textContent?.trim()).to.equal('Feedback sul percorso');
    expect(text(closed)).to.contain(`Il questionario di metà percorso sarà disponibile da ${opensOn}.`);
    expect(shadow(closed).querySelector('input')).to.equal(null);
    await expect(closed).to.be.accessible();

    const ending = await pairWithDates(-100, 20);
    // Before the end date the server takes a final answer only from a pair that has met.
    sent(
      await (await clientFor(ending.mentor)).sessions.create(ending.pairId, {
        status: 'held',
        occurredAt: new Date(Date.now() - 7 * 86_400_000).toISOString(),
        durationMinutes: 45,
        format: 'video',
        topics: ['ai-tools'],
        summary: 'Our last session',
        actionItems: [],
      }),
    );
    const final = await fixture<RmFeedbackForm>(
      html`<rm-feedback-form .client=${await clientFor(ending.mentee)} pair-id=${ending.pairId}></rm-feedback-form>`,
    );
    await loaded(final);
    expect(shadow(final).querySelector('h2')?.textContent?.trim()).to.equal('Final feedback');
    expect(text(final)).to.contain('How useful was the program?');
    fillByPointer(final);
    submitButton(final).click();
    await until(() => text(final).includes('Thank you, your feedback has been sent.'));
    const mine = (await (await clientFor(ending.mentee)).feedback.page(ending.pairId)).items;
    expect(mine.map((f) => f.kind)).to.deep.equal(['final']);
  });

  it('shows a skeleton while loading, and asks for a connection without a client', async () => {
    const hanging = await clientFor(PEOPLE.giulia, undefined, () => new Promise<Response>(() => {}));
    const el = await fixture<RmFeedbackForm>(
      html`<rm-feedback-form .client=${hanging} pair-id=${pairId} kind="final"></rm-feedback-form>`,
    );
    expect(shadow(el).querySelector('[part="loading"]')).to.exist;
    expect(text(el)).to.contain('Loading…');
    await expect(el).to.be.accessible();

    const alone = await fixture<RmFeedbackForm>(
      html`<rm-feedback-form session-id="ses_x"></rm-feedback-form>`,
    );
    expect(text(alone)).to.contain('This element needs a connection');
    await expect(alone).to.be.accessible();

    // Neither id: the signed-in person's current pair (see provider/one-tag.test.ts); none, a plain sentence.
    const aimless = await fixture<RmFeedbackForm>(
      html`<rm-feedback-form .client=${await clientFor(PEOPLE.chiara)}></rm-feedback-form>`,
    );
    await until(() => text(aimless).includes('You are not in a mentoring pair at the moment.'));
    await expect(aimless).to.be.accessible();
  });
});
