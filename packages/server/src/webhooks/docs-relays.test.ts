import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId, webhookEventSchema } from '@rm-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../test-support/webhook-receiver.js';
import { signatureHeader } from './signature.js';

const guide = readFileSync(new URL('../../../../docs/webhooks.md', import.meta.url), 'utf8');

/** Every fenced block of the guide, with the marker above it (`tested: <name>`, `run by hand: <what, when>` or `not run: <why>`). */
const blocks = [...guide.matchAll(/(?:<!-- (.+?) -->\n)?```(\w*)\n([\s\S]*?)\n```/g)].map((match) => ({
  marker: match[1] ?? null,
  code: match[3] ?? '',
}));
const tested = (name: string) =>
  blocks.filter((block) => block.marker === `tested: ${name}`).map((b) => b.code);

describe('docs/webhooks.md', () => {
  it('marks every code block as tested here, run by hand, or not run and why', () => {
    expect(blocks.length).toBeGreaterThan(4);
    for (const block of blocks)
      expect(block.marker, block.code.slice(0, 60)).toMatch(/^(tested: .+|run by hand: .+|not run: .+)$/);
  });

  it('shows payloads that the contract accepts', () => {
    const payloads = tested('payload');
    expect(payloads.length).toBeGreaterThanOrEqual(3);
    for (const payload of payloads)
      expect(webhookEventSchema.safeParse(JSON.parse(payload)).success).toBe(true);
  });
});

describe.each([
  { relay: 'teams-relay.mjs', urlVariable: 'TEAMS_WEBHOOK_URL' },
  { relay: 'slack-relay.mjs', urlVariable: 'SLACK_WEBHOOK_URL' },
])('the guide’s $relay', ({ relay, urlVariable }) => {
  const secret = 'whsec_relay-test-secret-0123456789abcdef';
  let dir: string;
  let chat: WebhookReceiver;
  let child: ChildProcess;
  let relayUrl: string;

  beforeAll(async () => {
    const [code] = tested(relay);
    if (!code) throw new Error(`docs/webhooks.md has no block marked "tested: ${relay}"`);
    dir = mkdtempSync(join(tmpdir(), 'rm-kit-relay-'));
    writeFileSync(join(dir, relay), code);
    chat = await startWebhookReceiver();
    child = spawn(process.execPath, [join(dir, relay)], {
      env: {
        ...process.env,
        RM_WEBHOOK_SECRET: secret,
        [urlVariable]: `http://127.0.0.1:${chat.port}/chat`,
        PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const port = await new Promise<string>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        const found = /on port (\d+)/.exec(chunk.toString());
        if (found?.[1]) resolve(found[1]);
      });
      child.once('exit', (code) => reject(new Error(`${relay} exited with ${code}`)));
    });
    relayUrl = `http://127.0.0.1:${port}/`;
  });
  afterAll(async () => {
    child?.kill();
    await chat?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const event = () =>
    JSON.stringify({
      id: newId('event'),
      type: 'pair.at-risk',
      orgId: newId('organization'),
      createdAt: new Date().toISOString(),
      data: { pairId: newId('pair'), programId: newId('program'), reasons: ['no-recent-session'] },
    });
  const deliver = (
    body: string,
    signature = signatureHeader([secret], Math.floor(Date.now() / 1000), body),
  ) =>
    fetch(relayUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'RM-Signature': signature },
      body,
    });

  it('refuses a delivery signed with another secret, or signed long ago, and posts nothing', async () => {
    const body = event();
    expect(
      (await deliver(body, signatureHeader(['whsec_someone-else'], Math.floor(Date.now() / 1000), body)))
        .status,
    ).toBe(401);
    expect(
      (await deliver(body, signatureHeader([secret], Math.floor(Date.now() / 1000) - 3600, body))).status,
    ).toBe(401);
    expect((await deliver(body, 't=1,v1=zz')).status).toBe(401);
    expect(chat.at('/chat')).toHaveLength(0);
  });

  it('posts a signed delivery to the channel once, however often it arrives', async () => {
    const body = event();
    const pairId = JSON.parse(body).data.pairId;
    expect((await deliver(body)).status).toBe(204);
    expect((await deliver(body)).status).toBe(204);
    const posted = chat.at('/chat');
    expect(posted).toHaveLength(1);
    const message = JSON.parse(posted[0]?.body ?? '{}');
    if (relay.startsWith('teams')) {
      expect(message.type).toBe('message');
      expect(message.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(JSON.stringify(message.attachments[0].content.body)).toContain(pairId);
    } else {
      expect(message.text).toContain(pairId);
    }
  });

  it('answers 502 when the channel cannot be reached, so rm-kit tries again', async () => {
    chat.answer('/chat', (res) => res.writeHead(500).end());
    const body = event();
    expect((await deliver(body)).status).toBe(502);
    expect((await deliver(body)).status).toBe(204);
  });
});
