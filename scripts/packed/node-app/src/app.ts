import { type Me, type SessionCreate, sessionCreateSchema } from '@rm-kit/core';
import { createClient, memoryStore, RmValidationError } from '@rm-kit/sdk';

// A script of a company's own: signs in as a demo mentor, logs a session of their pair,
// has a wrong one refused, and prints what it saw as one JSON line.
const [baseUrl = 'http://localhost:8787', email = 'giulia.rossi@contoso.example'] = process.argv.slice(2);
const signIn = await fetch(`${baseUrl}/demo/token`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ email }),
});
const { token } = (await signIn.json()) as { token: string };

const rm = createClient({ baseUrl, token, store: memoryStore(), syncIntervalMs: 0 });
const me: Me = await rm.me.get();
const pair = me.pairs.find((p) => p.status === 'active');
if (!pair) throw new Error(`${email} has no active pair`);

const held: SessionCreate = {
  status: 'held',
  occurredAt: new Date().toISOString(),
  durationMinutes: 30,
  summary: 'Installed from the tarballs',
};
const session = await rm.sessions.create(pair.id, sessionCreateSchema.parse(held));

let refused: string[] = [];
try {
  await rm.sessions.create(pair.id, { status: 'held', durationMinutes: -5 });
} catch (error) {
  if (error instanceof RmValidationError) refused = error.issues.map((issue) => issue.path.join('.'));
}
// @ts-expect-error the SDK's bodies are core's schemas: a status no session has does not compile
const unknownStatus: SessionCreate = { status: 'imagined' };
rm.close();

console.log(
  JSON.stringify({
    person: me.person?.displayName,
    logged: 'pending' in session ? 'queued' : session.summary,
    refused,
    unknownStatus: unknownStatus.status,
  }),
);
