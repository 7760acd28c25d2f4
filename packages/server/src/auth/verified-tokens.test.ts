import { createServer } from 'node:http';
import { createRemoteJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_AUDIENCE, TEST_ISSUER } from '../test-support/harness.js';
import { VerifiedTokens } from './verified-tokens.js';

/** An identity provider whose published key set can change, read again by the server every 100 ms. */
async function rotatingProvider() {
  const signer = async (kid: string) => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
  };
  const old = await signer('old');
  const next = await signer('next');
  let published = [old.jwk];
  const server = createServer((_req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ keys: published }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = new URL(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/jwks`);
  return {
    issuer: {
      keys: createRemoteJWKSet(url, { cacheMaxAge: 100, cooldownDuration: 0 }),
      issuer: TEST_ISSUER,
      audience: TEST_AUDIENCE,
    },
    sign: (exp: number, key = old) =>
      new SignJWT({ email: 'giulia@example.com' })
        .setProtectedHeader({ alg: 'ES256', kid: key.kid })
        .setSubject('giulia')
        .setIssuer(TEST_ISSUER)
        .setAudience(TEST_AUDIENCE)
        .setExpirationTime(exp)
        .sign(key.privateKey),
    withdrawOldKey: () => {
      published = [next.jwk];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const inSeconds = (seconds: number) => Math.floor(Date.now() / 1000) + seconds;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('remembered tokens', () => {
  let provider: Awaited<ReturnType<typeof rotatingProvider>>;
  beforeAll(async () => {
    provider = await rotatingProvider();
  });
  afterAll(() => provider.close());

  it('accepts a token again and again, and refuses it as expired once its time is up', async () => {
    const tokens = new VerifiedTokens([provider.issuer]);
    // Expired 28 s ago: the 30 s tolerance for clocks keeps it valid for another 2 s at most.
    const exp = inSeconds(-28);
    const token = await provider.sign(exp);
    expect((await tokens.verify(token)).sub).toBe('giulia');
    expect((await tokens.verify(token)).sub).toBe('giulia');
    await sleep((exp + 31) * 1000 - Date.now());
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'ERR_JWT_EXPIRED' });
  });

  it('refuses a token whose claims were changed after its original was accepted', async () => {
    const tokens = new VerifiedTokens([provider.issuer]);
    const token = await provider.sign(inSeconds(600));
    await tokens.verify(token);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url');
    await expect(tokens.verify(`${header}.${forged}.${signature}`)).rejects.toThrow();
    expect((await tokens.verify(token)).sub).toBe('giulia');
  });

  it('refuses a remembered token once its key is no longer published and the key set is read again', async () => {
    const tokens = new VerifiedTokens([provider.issuer]);
    const token = await provider.sign(inSeconds(600));
    expect((await tokens.verify(token)).sub).toBe('giulia');
    provider.withdrawOldKey();
    await sleep(150);
    await expect(tokens.verify(token)).rejects.toThrow();
  });
});
