/**
 * The page `pnpm start` serves at `/` until the widgets of @rm-kit/elements replace it:
 * pick a seeded person, and see what the API gives them. Script and styles are separate
 * files so the page runs under a strict Content-Security-Policy.
 */
export const DEMO_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>rm-kit demo</title>
  <link rel="stylesheet" href="/demo/page.css">
  <script type="module" src="/demo/page.js"></script>
</head>
<body>
  <header>
    <h1>rm-kit demo</h1>
    <p>The reference server on seeded data. The widgets (<code>&lt;rm-session-log&gt;</code> and friends) are not built yet;
    this page shows what the API gives each person. See the <a href="/docs">API reference</a>
    and the <a href="/openapi.json">OpenAPI document</a>.</p>
    <label>View as <select id="person" aria-describedby="person-help"><option value="">Loading people…</option></select></label>
    <p id="person-help" class="hint">Demo mode signs a token for whoever you pick. Never enabled in production.</p>
  </header>
  <main id="view" aria-live="polite"></main>
</body>
</html>`;

export const DEMO_CSS = `:root { font-family: system-ui, sans-serif; color-scheme: light dark; }
body { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
.hint { color: GrayText; font-size: .9rem; }
section { border: 1px solid color-mix(in srgb, CanvasText 20%, transparent); border-radius: .5rem; padding: 1rem; margin: 1rem 0; }
.risk { color: #b42318; font-weight: 600; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dt { font-weight: 600; }
select { font: inherit; padding: .25rem; }`;

export const DEMO_JS = `const $ = (id) => document.getElementById(id);
const view = $('view');
let token = null;

async function api(path) {
  const res = await fetch(path, { headers: { Authorization: 'Bearer ' + token } });
  if (!res.ok) throw new Error((await res.json()).error.message);
  return res.json();
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function pct(n) { return n === null ? '—' : Math.round(n * 100) + '%'; }

async function show(email) {
  view.replaceChildren(el('p', 'Loading…'));
  const res = await fetch('/demo/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email }) });
  token = (await res.json()).token;
  const me = await api('/v1/me');
  const head = el('section');
  head.append(el('h2', me.person.displayName), el('p', (me.person.title ?? '') + ' · ' + me.person.department + ' · roles: ' + (me.roles.join(', ') || 'none')));
  view.replaceChildren(head);
  for (const pair of me.pairs) {
    const side = pair.mentorId === me.person.id ? 'Mentor · early career (you teach)' : 'Mentee · senior (you learn)';
    const progress = await api('/v1/pairs/' + pair.id + '/progress');
    const section = el('section');
    section.append(el('h3', side + ' — pair ' + pair.status));
    const dl = el('dl');
    const rows = [
      ['Topics', pair.topics.join(', ')],
      ['Sessions', progress.sessionsHeld + ' held of ' + progress.sessionsExpected + ' expected (' + pct(progress.cadenceAdherence) + ')'],
      ['Goals', progress.goalsAchieved + ' of ' + progress.goalsInPlay + ' achieved'],
      ['Last session', progress.lastSessionAt ?? '—'],
      ['Next session', progress.nextSessionAt ?? '—'],
    ];
    for (const [k, v] of rows) dl.append(el('dt', k), el('dd', v));
    section.append(dl);
    if (progress.atRisk) section.append(el('p', 'At risk: ' + progress.atRiskReasons.join(', '), 'risk'));
    view.append(section);
  }
  if (me.roles.includes('admin')) {
    const programs = await api('/v1/programs');
    for (const program of programs.items) {
      const section = el('section');
      section.append(el('h3', program.name + ' (' + program.status + ')'));
      try {
        const report = await api('/v1/programs/' + program.id + '/report');
        section.append(el('p', report.pairs.total + ' pairs; feedback answers: ' + report.feedback.answers +
          (report.feedback.overall ? '; average trust ' + report.feedback.overall.trust : '; averages hidden below ' + report.feedback.minGroupSize + ' answers')));
      } catch (error) { section.append(el('p', error.message)); }
      view.append(section);
    }
  }
}

const people = (await (await fetch('/demo/people')).json()).items;
const select = $('person');
select.replaceChildren(el('option', 'Choose a person…'));
for (const p of people) {
  const option = el('option', p.name + ' — ' + (p.roles.join(', ') || 'no pair'));
  option.value = p.email;
  select.append(option);
}
select.addEventListener('change', () => select.value && show(select.value).catch((e) => view.replaceChildren(el('p', e.message))));`;
