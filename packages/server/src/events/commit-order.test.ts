import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrate, openStorage, type Storage } from '../db/database.js';
import { domainEvent, type EventBus, type LoggedEvent } from './event-bus.js';
import { postgresEventBus } from './postgres-event-bus.js';

const pgUrl = process.env.TEST_DATABASE_URL;
const pair = { id: 'pair_1', orgId: 'org_1', mentorId: 'per_1', menteeId: 'per_2' };
const WRITES_PER_PROCESS = 40;
const quiet = { lost: () => {}, restored: () => {}, failed: () => {} };

describe.runIf(pgUrl)('events of concurrent writes through two processes on PostgreSQL', () => {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const processes: { storage: Storage; bus: EventBus; received: LoggedEvent[] }[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const storage = await openStorage(pgUrl ?? '', { schema });
      if (i === 0) await migrate(storage.db);
      const bus = await postgresEventBus(storage.pool as NonNullable<Storage['pool']>, storage.db, quiet);
      const received: LoggedEvent[] = [];
      bus.subscribe((event) => received.push(event));
      processes.push({ storage, bus, received });
    }
  });
  afterAll(async () => {
    for (const { bus } of processes) await bus.close();
    await processes[0]?.storage.pool?.query(`drop schema "${schema}" cascade`);
    for (const { storage } of processes) await storage.close();
  });

  it('reach every process once each, in one order, though the writes commit in another order than they wrote', async () => {
    const write = async ({ storage, bus }: (typeof processes)[number], index: number) => {
      const event = domainEvent('session.created', pair, { id: `ses_${index}` });
      await storage.db.transaction().execute(async (trx) => {
        await bus.append(trx, [event]);
        // Writes that logged their events earlier often commit later, as requests do.
        await sql`select pg_sleep(${(index % 7) / 1000})`.execute(trx);
      });
      await bus.deliverNew();
      return event.id;
    };
    const written = await Promise.all(
      processes.flatMap((process, p) =>
        Array.from({ length: WRITES_PER_PROCESS }, (_, i) => write(process, p * WRITES_PER_PROCESS + i)),
      ),
    );

    for (const { received } of processes) {
      await vi.waitFor(() => expect(received).toHaveLength(written.length), { timeout: 10_000 });
    }
    const [first, second] = processes.map(({ received }) => received);
    expect(new Set(first?.map((event) => event.id))).toEqual(new Set(written));
    const seqs = first?.map((event) => event.seq) ?? [];
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(second?.map((event) => [event.seq, event.id])).toEqual(
      first?.map((event) => [event.seq, event.id]),
    );
  });
});
