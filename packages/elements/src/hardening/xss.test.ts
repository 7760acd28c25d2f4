/// <reference types="mocha" />
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { createClient, memoryStore, type RmClient, RmValidationError } from '@rm-kit/sdk';
import { PEOPLE, rmServer, sent, tokenFor } from '../test-support/server.js';
import {
  type HostileWorld,
  hostileWorld,
  PHOTO_HOST,
  photosServedLocally,
  type StoredField,
} from './hostile-world.js';
import { injected } from './injected.js';
import { PAYLOADS } from './payloads.js';
import { SCENARIOS } from './scenarios.js';
import '../provider/provider.js';

// The session log's virtualizer: a benign "ResizeObserver loop" error Lit's maintainers advise
// tests to ignore (lit/lit#3154), as the log's own tests do.
setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * Issue 10's hardening suite, item 5: hostile texts, stored through the API in every text
 * field, shown by every element in every state that shows them. None may run or become
 * markup, and each must read exactly as it was typed.
 */
describe('hostile text in every element', () => {
  let url: string;
  let admin: RmClient;
  const tokens = new Map<string, string>();
  /** Clients that build the worlds, kept for the file. */
  const writers: RmClient[] = [];
  /** The elements' own, one test each, on a network where the photo host is the test page's server. */
  const viewers: RmClient[] = [];

  async function clientFor(email: string, kept: RmClient[]): Promise<RmClient> {
    let token = tokens.get(email);
    if (!token) {
      token = await tokenFor(email);
      tokens.set(email, token);
    }
    const client = createClient({
      baseUrl: url,
      token,
      store: memoryStore(),
      syncIntervalMs: 0,
      retry: { maxRetries: 0 },
      ...(kept === viewers ? { fetch: photosServedLocally } : {}),
    });
    kept.push(client);
    return client;
  }

  before(async () => {
    url = await rmServer();
    admin = await clientFor(PEOPLE.chiara, writers);
    const { settings } = await admin.organization.get();
    if (!settings.photoHosts.includes(PHOTO_HOST)) {
      sent(
        await admin.organization.update({ settings: { photoHosts: [...settings.photoHosts, PHOTO_HOST] } }),
      );
    }
  });

  afterEach(() => {
    fixtureCleanup();
    for (const client of viewers.splice(0)) client.close();
  });

  after(() => {
    for (const client of writers.splice(0)) client.close();
    // A handler that fired late, after its test's elements were gone, still set the flag.
    expect(injected()).to.deep.equal([]);
  });

  it('has payloads that fit the smallest text field (a topic label, 80 characters)', () => {
    for (const payload of PAYLOADS) expect(payload.fit(80), payload.name).to.have.length.within(1, 80);
  });

  for (const payload of PAYLOADS) {
    describe(`with ${payload.name}`, () => {
      let world: HostileWorld;

      before(async () => {
        world = await hostileWorld(payload, admin, (email) => clientFor(email, writers));
      });

      it('stores the text as sent, in every field', () => {
        for (const [field, copies] of Object.entries(world.stored)) {
          expect(copies, field).to.not.be.empty;
          for (const copy of copies) expect(copy, field).to.equal(world.texts[field as StoredField]);
        }
      });

      for (const scenario of SCENARIOS) {
        it(`runs nothing and shows it as text: ${scenario.name}`, async () => {
          const partnerSide = scenario.viewer === 'mentor' ? 'mentee' : 'mentor';
          const viewerEmail = scenario.viewer === 'admin' ? PEOPLE.chiara : world[scenario.viewer].email;
          const viewer = await clientFor(viewerEmail, viewers);
          const partner = await clientFor(world[partnerSide].email, viewers);
          const provider = await fixture(
            html`<rm-provider .client=${viewer} locale=${scenario.locale}>${scenario.render(world)}</rm-provider>`,
          );
          const stage = { world, element: provider.firstElementChild as HTMLElement, partner };
          await scenario.open(stage);
          // Marks are there at once; a handler may wait for the network: a paint or two here, `after` again.
          await frame();
          await frame();
          expect(injected()).to.deep.equal([]);
          for (const shown of scenario.shown(stage))
            expect(shown.found, shown.where).to.include(shown.expected);
        });
      }
    });
  }

  describe('the one URL field, a person’s photo', () => {
    it('refuses a script URL in every spelling, and keeps the photo as it was', async () => {
      const person = sent(
        await admin.people.create({
          email: `xss.photo.${crypto.randomUUID().slice(0, 8)}@contoso.example`,
          displayName: 'Sara Photo',
          department: 'Security',
          careerStage: 'mid',
          locale: 'en',
        }),
      );
      const urls = [
        'javascript:window.__xss=1',
        'JavaScript:window.__xss=1//https://photos.contoso.example/a.svg',
        ' javascript:window.__xss=1',
        'java\tscript:window.__xss=1',
        'data:image/svg+xml,<svg onload=window.__xss=1>',
        'vbscript:msgbox(1)',
        `https://${PHOTO_HOST}@attacker.example/a.svg`,
      ];
      for (const photoUrl of urls) {
        const refusal = await admin.people.update(person, { photoUrl }).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(refusal, photoUrl).to.be.instanceOf(RmValidationError);
        expect(
          (refusal as RmValidationError).issues.map((i) => i.path.join('.')),
          photoUrl,
        ).to.include('photoUrl');
      }
      const after = await admin.people.get(person.id);
      expect(after.photoUrl).to.equal(null);
      expect(after.version).to.equal(person.version);
    });
  });
});
