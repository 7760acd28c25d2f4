/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import type { z } from 'zod';
import {
  newId,
  pairProgress,
  programReport,
  sessionCreateSchema,
  sessionSchema,
  topicLabel,
} from './index.js';

// The widgets validate and compute progress in the browser with these same modules;
// this proves they load and behave there, not only in Node.
describe('core in the browser', () => {
  it('runs in a real browser window', () => {
    expect(typeof (globalThis as { document?: unknown }).document).to.equal('object');
  });

  it('makes unguessable, well-formed ids with Web Crypto', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId('session')));
    expect(ids.size).to.equal(1000);
    for (const id of ids) expect(sessionSchema.shape.id.safeParse(id).success).to.equal(true);
  });

  it('validates a session form the way the server will, with field paths', () => {
    const result = sessionCreateSchema.safeParse({
      status: 'held',
      actionItems: [{ text: '', owner: 'mentee' }],
    });
    expect(result.success).to.equal(false);
    const paths = (result.error as z.ZodError).issues.map((i) => i.path.join('.'));
    expect(paths).to.deep.equal(['actionItems.0.text', 'occurredAt']);
  });

  it('computes a pair’s progress and an HR report', () => {
    const progress = pairProgress({
      pair: { startedOn: '2026-01-05', resumedOn: null, status: 'active' },
      cadenceDays: 14,
      now: new Date('2026-03-02T00:00:00Z'),
      sessions: [{ status: 'held', occurredAt: '2026-01-12T10:00:00Z', scheduledAt: null }],
      goals: [{ status: 'achieved' }, { status: 'open' }],
      feedback: [],
    });
    expect(progress.sessionsExpected).to.equal(4);
    expect(progress.cadenceAdherence).to.equal(0.25);
    expect(progress.atRiskReasons).to.deep.equal(['no-recent-session']);
    const report = programReport([{ status: 'active' }], null, 3);
    expect(report.feedback.overall).to.equal(null);
    expect(report.feedback.releasedAt).to.equal(null);
  });

  it('labels topics in Italian and English', () => {
    expect(topicLabel('sustainability', 'it')).to.equal('Sostenibilità');
    expect(topicLabel('diversity-inclusion', 'en')).to.equal('Diversity & inclusion');
  });
});
