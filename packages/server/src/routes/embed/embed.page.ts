/**
 * The page SharePoint's Embed web part frames, and its script. A separate script file, not
 * an inline one, so the page's policy needs no 'unsafe-inline'.
 */

const escapeAttribute = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** What the script needs to sign in: the identity provider (RMKIT_ISSUER) and the API's client id. */
export interface EmbedSignIn {
  issuer: string;
  clientId: string;
}

export function embedPage(signIn: EmbedSignIn | null): string {
  return `<!doctype html>
<html lang="en" data-issuer="${escapeAttribute(signIn?.issuer ?? '')}" data-client-id="${escapeAttribute(signIn?.clientId ?? '')}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Reverse mentoring</title>
  <link rel="icon" href="data:,">
  <script type="module" src="/rm-kit.js"></script>
  <script type="module" src="/embed/embed.js"></script>
</head>
<body>
  <main id="kit"></main>
</body>
</html>`;
}

/** Where the identity provider sends the sign-in window back; the page that opened it reads the address. */
export const SIGNED_IN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Signing in…</title></head>
<body><p>Signing in… This window closes by itself.</p></body></html>`;

/**
 * Signs in with OAuth 2.0's authorization code flow and PKCE, as a single-page app, in a
 * window of its own: the identity provider's sign-in page refuses to be framed, and its
 * cookies inside a frame on SharePoint are third-party ones that browsers block. Tokens stay
 * in this frame's session storage; the refresh token renews the access token.
 */
export const EMBED_SCRIPT = `const WORDS = {
  en: {
    prompt: 'Sign in to see your mentoring pair.',
    signIn: 'Sign in',
    blocked: 'The browser blocked the sign-in window. Allow pop-ups for this site and try again.',
    closed: 'The sign-in window was closed before you signed in.',
    failed: 'Signing in did not work. Try again.',
    unavailable: 'Signing in is not set up yet: ask the program’s HR contacts.',
  },
  it: {
    prompt: 'Accedi per vedere la tua coppia di mentoring.',
    signIn: 'Accedi',
    blocked: 'Il browser ha bloccato la finestra di accesso. Consenti le finestre pop-up per questo sito e riprova.',
    closed: 'La finestra di accesso è stata chiusa prima di completare l’accesso.',
    failed: 'Non è stato possibile accedere. Riprova.',
    unavailable: 'L’accesso non è ancora disponibile: chiedi ai referenti HR del programma.',
  },
};
const KEY = 'rm-kit-embed-tokens';
const { issuer, clientId } = document.documentElement.dataset;
const locale = new URLSearchParams(location.search).get('lang') === 'it' ? 'it' : 'en';
const words = WORDS[locale];
document.documentElement.lang = locale;
const redirectUri = location.origin + '/embed/signed-in';
// A token for the API's own registration, which Entra ID asks for by its client id.
const scope = 'openid offline_access ' + clientId + '/.default';
const kit = document.getElementById('kit');
let tokens = null;
try {
  tokens = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
} catch {
  sessionStorage.removeItem(KEY); // not ours, or cut short: sign in again
}
let endpoints;

const base64url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/[+]/g, '-').replace(/[/]/g, '_').replace(/=+$/, '');
const random = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

function say(text, withButton) {
  const line = document.createElement('p');
  line.textContent = text;
  kit.replaceChildren(line);
  if (!withButton) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = words.signIn;
  button.addEventListener('click', signIn);
  kit.append(button);
}

function forget() {
  tokens = null;
  sessionStorage.removeItem(KEY);
}

async function redeem(grant) {
  const answer = await fetch(endpoints.token, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: clientId, scope, ...grant }),
  });
  const body = await answer.json().catch(() => ({}));
  if (!answer.ok || !body.access_token) throw new Error(body.error_description || body.error || 'token endpoint ' + answer.status);
  tokens = {
    access: body.access_token,
    expiresAt: Date.now() + Number(body.expires_in ?? 300) * 1000,
    refresh: body.refresh_token ?? tokens?.refresh,
  };
  sessionStorage.setItem(KEY, JSON.stringify(tokens));
}

/** The renewal under way: the elements' requests that find the token expired all wait for one. */
let renewing = null;

/** <rm-provider>'s getToken: the access token, renewed a minute before it expires. */
async function getToken() {
  if (tokens && tokens.expiresAt - 60_000 > Date.now()) return tokens.access;
  try {
    if (!tokens?.refresh) throw new Error('not signed in');
    renewing ??= redeem({ grant_type: 'refresh_token', refresh_token: tokens.refresh }).finally(() => {
      renewing = null;
    });
    await renewing;
    return tokens.access;
  } catch (error) {
    if (kit.querySelector('rm-provider')) {
      forget();
      say(words.prompt, true);
    }
    throw error;
  }
}

function showKit() {
  const provider = document.createElement('rm-provider');
  provider.setAttribute('base-url', location.origin);
  provider.setAttribute('locale', locale);
  provider.getToken = getToken;
  for (const tag of ['rm-pair-card', 'rm-session-log', 'rm-feedback-form']) provider.append(document.createElement(tag));
  kit.replaceChildren(provider);
}

/** The sign-in window's address once it is back on this server, polled: no script runs there. */
function cameBack(popup) {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (popup.closed) {
        clearInterval(timer);
        reject(new Error(words.closed));
        return;
      }
      let href = '';
      try {
        href = popup.location.href;
      } catch {
        return; // at the identity provider, another origin
      }
      if (!href.startsWith(redirectUri)) return;
      clearInterval(timer);
      const params = new URL(href).searchParams;
      popup.close();
      resolve(params);
    }, 100);
  });
}

function signIn() {
  // Opened at once, within the click: a window opened after an await is blocked.
  const popup = window.open('about:blank', 'rm-kit-sign-in', 'popup,width=480,height=640');
  if (!popup) {
    say(words.blocked, true);
    return;
  }
  (async () => {
    const verifier = random();
    const state = random();
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    const url = new URL(endpoints.authorize);
    url.search = new URLSearchParams({
      client_id: clientId,
      response_type: 'code',
      response_mode: 'query',
      redirect_uri: redirectUri,
      scope,
      state,
      code_challenge: base64url(new Uint8Array(digest)),
      code_challenge_method: 'S256',
    }).toString();
    popup.location.href = url.href;
    const params = await cameBack(popup);
    if (params.get('state') !== state) throw new Error('the sign-in answer is not for this request');
    if (!params.get('code')) throw new Error(params.get('error_description') || params.get('error') || 'no code');
    await redeem({ grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri, code_verifier: verifier });
    showKit();
  })().catch((error) => {
    console.error('rm-kit sign-in:', error);
    say(error.message === words.closed ? words.closed : words.failed, true);
  });
}

async function start() {
  if (!issuer || !clientId) {
    say(words.unavailable, false);
    return;
  }
  try {
    const discovery = await (await fetch(issuer + '/.well-known/openid-configuration')).json();
    endpoints = { authorize: discovery.authorization_endpoint, token: discovery.token_endpoint };
  } catch (error) {
    console.error('rm-kit sign-in:', error);
    say(words.failed, false);
    return;
  }
  if (tokens) showKit();
  else say(words.prompt, true);
}

start();
`;
