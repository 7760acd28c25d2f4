// The example page's own script: a "view as" picker for demo mode, the page's words in
// the chosen language, and the widgets for what the chosen person does here. The pair's
// card, log and feedback form need no pair-id: they show the signed-in person's current
// pair. Everything else is the elements' work.
import { createClient } from '/rm-kit.js';

const $ = (id) => document.getElementById(id);

/** The page's own words; the elements bring theirs. Keys match the data-text attributes. */
const TEXT = {
  en: {
    news: 'News',
    people: 'People',
    title: 'Reverse mentoring',
    viewAs: 'View as',
    loadingPeople: 'Loading people…',
    choosePerson: 'Choose a person…',
    language: 'Language',
    theme: 'Theme',
    themeAuto: 'Automatic',
    themeLight: 'Light',
    themeDark: 'Dark',
    lede: 'Early-career colleagues mentor our senior leaders on digital, social media, AI and sustainability, and learn strategy and leadership in return. This page is an example of an intranet page built with rm-kit’s custom elements; demo mode lets you view it as any seeded person.',
    footer: 'Demo data. Tokens are signed by the demo server; never use demo mode in production.',
    apiReference: 'API reference',
    chooseToSee: 'Choose a person to see their pair.',
    viewing: 'Viewing as {name}.',
    cannotSwitch: 'You are offline: you can switch person when you are back online.',
    cannotShow: 'You are offline: choose a person again when you are back online.',
    personGone: '{person} is no longer in the demo data.',
    switchFailed: 'The server could not show {person}’s page (error {status}): try again.',
    stillViewing: 'Still viewing as {name}.',
    mentor: 'mentor',
    mentee: 'mentee',
    admin: 'HR lead',
    inNoPair: 'no pair',
    stories: 'Success stories',
  },
  it: {
    news: 'Notizie',
    people: 'Persone',
    title: 'Reverse mentoring',
    viewAs: 'Visualizza come',
    loadingPeople: 'Caricamento delle persone…',
    choosePerson: 'Scegli una persona…',
    language: 'Lingua',
    theme: 'Tema',
    themeAuto: 'Automatico',
    themeLight: 'Chiaro',
    themeDark: 'Scuro',
    lede: 'Colleghe e colleghi a inizio carriera fanno da mentor ai nostri dirigenti su digitale, social media, IA e sostenibilità, e in cambio imparano strategia e leadership. Questa pagina è un esempio di pagina intranet costruita con i componenti di rm-kit; la modalità demo ti permette di vederla come una qualsiasi delle persone di prova.',
    footer:
      'Dati di prova. I token sono firmati dal server demo: non usare mai la modalità demo in produzione.',
    apiReference: 'Documentazione delle API',
    chooseToSee: 'Scegli una persona per vedere la sua coppia.',
    viewing: 'Stai vedendo la pagina come {name}.',
    cannotSwitch: 'Sei offline: potrai cambiare persona quando tornerai online.',
    cannotShow: 'Sei offline: scegli di nuovo una persona quando tornerai online.',
    personGone: '{person} non è più tra i dati di prova.',
    switchFailed: 'Il server non è riuscito a mostrare la pagina di {person} (errore {status}): riprova.',
    stillViewing: 'Stai ancora vedendo la pagina come {name}.',
    mentor: 'mentor',
    mentee: 'mentee',
    admin: 'referente HR',
    inNoPair: 'nessuna coppia',
    stories: 'Storie di successo',
  },
};
/** The match boards' order on the admin's page: the program taking people in first. */
const ORDER = ['enrolling', 'matching', 'active'];
/** Demo mode opens as a seeded mentor, so the page is never empty behind the picker. */
const DEFAULT_PERSON = 'giulia.rossi@contoso.example';

const lang = () => (document.documentElement.lang.startsWith('it') ? 'it' : 'en');
const say = (key, values = {}) => TEXT[lang()][key].replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
/** What the status line says now, kept as keys so a language change can say it again. */
let status = { keys: ['chooseToSee'], values: {} };

const loadPeople = async () => (await (await fetch('/demo/people')).json()).items;
let people = await loadPeople();
const picker = $('person');

function fillPicker() {
  const chosen = picker.value;
  picker.replaceChildren(new Option(say('choosePerson'), ''));
  for (const person of people) {
    const roles = person.roles.length ? person.roles.map((role) => say(role)).join(', ') : say('inNoPair');
    picker.append(new Option(`${person.name} (${roles})`, person.email));
  }
  picker.value = chosen;
}

/** Says each key's sentence, in turn, on the status line. */
function setStatus(keys, values = {}) {
  status = { keys: [keys].flat(), values };
  $('status').textContent = status.keys.map((key) => say(key, values)).join(' ');
}

function translatePage() {
  for (const node of document.querySelectorAll('[data-text]')) node.textContent = say(node.dataset.text);
  document.title = `Contoso intranet · ${say('title')}`;
  fillPicker();
  setStatus(status.keys, status.values);
}

function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** The client whose elements the page shows; closed when they are replaced. */
let shown;
/** Whose page it is (email and name): what the picker and the status line go back to. */
let viewing;

function showOnly(provider, client) {
  $('widgets').replaceChildren(...(provider ? [provider] : []));
  shown?.close();
  shown = client;
}

async function show(email) {
  if (!email) {
    showOnly();
    viewing = undefined;
    setStatus('chooseToSee');
    return;
  }
  const answer = await fetch('/demo/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  // A proxy's error page is no JSON: its status is what the page tells apart below, as the
  // SDK's errors carry theirs.
  const { token, error } = await answer.json().catch(() => ({}));
  if (!answer.ok)
    throw Object.assign(new Error(error?.message ?? answer.statusText), { status: answer.status });
  // The elements' client, made here so the page's own reads go through it: the elements are
  // given what it just read instead of asking again, and while the mentoring server cannot be
  // reached (a reload while it is down) it answers from the copies it keeps on this device.
  // Asked before each request: a real intranet returns its identity library's token here
  // (MSAL's acquireTokenSilent, SharePoint's AadTokenProvider), refreshed as it expires.
  const client = createClient({ baseUrl: location.origin, getToken: () => token, reuseAnswersForMs: 2000 });
  let provider;
  let name;
  try {
    ({ provider, name } = await widgetsFor(client, email));
  } catch (error) {
    // Nothing to show: the page keeps what it showed, with that one's client.
    client.close();
    throw error;
  }
  showOnly(provider, client);
  viewing = { email, name };
  setStatus('viewing', { name });
}

/**
 * Shows `email`'s page; when it cannot (the server out of reach, the person removed since the
 * picker was filled, the server failing), keeps the page shown and says why, instead of
 * failing unseen.
 */
function showOrKeep(email) {
  return show(email).catch(async (error) => {
    picker.value = viewing?.email ?? '';
    const values = {
      person: people.find((p) => p.email === email)?.name ?? email,
      status: error?.status ?? '?',
      name: viewing?.name,
    };
    // fetch's TypeError, or the SDK's error for a server it could not reach (status 0).
    const offline = error instanceof TypeError || error?.status === 0;
    let why = error?.status === 404 ? 'personGone' : 'switchFailed';
    if (offline) why = viewing ? 'cannotSwitch' : 'cannotShow';
    if (why === 'personGone') {
      // Removed by HR since the page loaded: the picker lists only those who can still be shown.
      people = await loadPeople().catch(() => people);
      fillPicker();
    }
    setStatus([why, ...(viewing ? ['stillViewing'] : [])], values);
  });
}

/** The provider, given `client`, with the widgets for what the person does here. */
async function widgetsFor(client, email) {
  // Not retried: the elements retry their own reads, and the page lays them out meanwhile.
  const once = { retry: { maxRetries: 0 } };
  const me = await client.me.get(once);
  // The pair the person is in now, by the rule the elements follow without a pair-id; someone
  // whose pairs are all over is back in the pool.
  const pair = ['active', 'paused', 'proposed']
    .map((status) => me.pairs.find((p) => p.status === status))
    .find(Boolean);
  const provider = el('rm-provider');
  provider.client = client;
  const theme = $('theme').value;
  if (theme) provider.setAttribute('theme', theme);
  const name = me.person?.displayName ?? email;
  $('widgets').className = '';
  if (me.roles.includes('admin')) {
    // The program manager's page: for each program that is taking people in or running, its
    // dashboard, its match board and the goals it suggests to its pairs (never the pairs' own
    // goals).
    const programs = (await client.programs.page({}, once)).items;
    const running = programs.filter((p) => ['enrolling', 'matching', 'active'].includes(p.status));
    running.sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status));
    provider.append(
      ...running.flatMap((p) => [
        el('rm-program-dashboard', { 'program-id': p.id }),
        el('rm-match-board', { 'program-id': p.id }),
        el('rm-goal-list', { 'program-id': p.id }),
      ]),
    );
    // HR answers a colleague's request for their data, or erases them, from the same page.
    provider.append(el('rm-person-data', { view: 'people' }));
    // Below the boards, the organisation's webhooks: what Teams, Slack or other systems are told.
    provider.append(el('rm-webhook-settings'));
    $('widgets').className = 'stack';
  } else if (!pair) {
    // Not in a pair yet: the programs open for enrolment, to take part.
    provider.append(el('rm-enrollment-form'));
    $('widgets').className = 'single';
  } else if (pair.status === 'proposed') {
    // A pair to confirm: consent, the charter, or a no-fault decline; sessions and feedback come once it starts.
    provider.append(el('rm-pair-card'));
    $('widgets').className = 'single';
  } else {
    // A new pair to confirm while another runs or rests (a mentor with a second place, say):
    // its own card comes first, or the mentor could never accept its charter from here.
    const toConfirm = me.pairs.filter((p) => p.status === 'proposed');
    const side = el('div', { class: 'column' }, [
      ...toConfirm.map((p) => el('rm-pair-card', { 'pair-id': p.id })),
      el('rm-pair-card'),
      el('rm-goal-list', { 'pair-id': pair.id }),
      // No kind: the form asks the program phase open by the pair's dates (mid-point, then final).
      el('rm-feedback-form'),
      // The pair's own success stories: write one, agree to publish it.
      el('rm-stories', { 'pair-id': pair.id }),
    ]);
    provider.append(el('div', { class: 'column' }, [el('rm-session-log')]));
    provider.prepend(side);
  }
  // The intranet home's success stories, on everyone's page; the admin's, first, also holds the approval queue.
  const stories = el('section', { class: 'stories', 'aria-labelledby': 'stories-heading' }, [
    el('h2', { id: 'stories-heading', 'data-text': 'stories' }, [say('stories')]),
    el('rm-stories'),
  ]);
  if (me.roles.includes('admin')) provider.prepend(stories);
  else provider.append(stories);
  // Everyone's own data, small at the bottom of every page.
  provider.append(el('rm-person-data', { view: 'mine', class: 'my-data' }));
  return { provider, name };
}

picker.addEventListener('change', () => showOrKeep(picker.value));
$('language').addEventListener('change', (event) => {
  document.documentElement.lang = event.target.value;
  translatePage();
});
$('theme').addEventListener('change', (event) => {
  document.documentElement.dataset.theme = event.target.value;
  showOrKeep(picker.value);
});
const wanted = new URLSearchParams(location.search);
if (wanted.get('lang')) {
  document.documentElement.lang = wanted.get('lang');
  $('language').value = wanted.get('lang');
}
if (wanted.get('theme')) {
  $('theme').value = wanted.get('theme');
  document.documentElement.dataset.theme = wanted.get('theme');
}
translatePage();
const first = wanted.get('as') ?? (people.some((p) => p.email === DEFAULT_PERSON) ? DEFAULT_PERSON : '');
picker.value = first;
await showOrKeep(picker.value);
