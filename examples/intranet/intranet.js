// The example page's own script: a "view as" picker for demo mode, and the three widgets
// for the chosen person's first pair. Everything else is the elements' work.
const $ = (id) => document.getElementById(id);
const people = (await (await fetch('/demo/people')).json()).items;

const picker = $('person');
picker.replaceChildren(new Option('Choose a person…', ''));
for (const person of people) {
  const roles = person.roles.length ? person.roles.join(', ') : 'no pair';
  picker.append(new Option(`${person.name} (${roles})`, person.email));
}

function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

async function show(email) {
  const status = $('status');
  if (!email) {
    $('widgets').replaceChildren();
    status.textContent = 'Choose a person to see their pair.';
    return;
  }
  const { token } = await (
    await fetch('/demo/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email }),
    })
  ).json();
  const me = await (await fetch('/v1/me', { headers: { Authorization: `Bearer ${token}` } })).json();
  const pair = me.pairs.find((p) => p.status === 'active') ?? me.pairs[0];
  const provider = el('rm-provider', { 'base-url': location.origin, token });
  const theme = $('theme').value;
  if (theme) provider.setAttribute('theme', theme);
  if (!pair) {
    status.textContent = `${me.person?.displayName ?? email} is in no pair.`;
    $('widgets').replaceChildren();
    return;
  }
  status.textContent = `Viewing as ${me.person.displayName}.`;
  const side = el('div', { class: 'column' }, [
    el('rm-pair-card', { 'pair-id': pair.id }),
    el('rm-feedback-form', { 'pair-id': pair.id, kind: 'midpoint' }),
  ]);
  provider.append(el('div', { class: 'column' }, [el('rm-session-log', { 'pair-id': pair.id })]));
  provider.prepend(side);
  $('widgets').replaceChildren(provider);
}

picker.addEventListener('change', () => show(picker.value));
$('language').addEventListener('change', (event) => {
  document.documentElement.lang = event.target.value;
});
$('theme').addEventListener('change', (event) => {
  document.documentElement.dataset.theme = event.target.value;
  show(picker.value);
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
if (wanted.get('as')) {
  picker.value = wanted.get('as');
  await show(picker.value);
}
