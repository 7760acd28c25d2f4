import { describe, expect, it } from 'vitest';
import { PAIR_STATUSES } from '../vocabulary.js';
import {
  canDecline,
  pairAsSeenBy,
  pairTransitionAllowed,
  pairTransitionRefusal,
  readyToActivate,
} from './pair-life-cycle.js';

const ACTORS = ['mentor', 'mentee', 'admin'] as const;

describe('the life cycle of a pair', () => {
  it('lets a member or an admin pause an active pair and resume it', () => {
    for (const actor of ACTORS) {
      expect(pairTransitionAllowed('active', 'paused', actor)).toBe(true);
      expect(pairTransitionAllowed('paused', 'active', actor)).toBe(true);
    }
  });

  it('leaves completing and dissolving to an admin', () => {
    for (const from of ['active', 'paused'] as const) {
      expect(pairTransitionAllowed(from, 'completed', 'admin')).toBe(true);
      expect(pairTransitionRefusal(from, 'completed', 'mentee')).toBe('admins-only');
      expect(pairTransitionRefusal(from, 'dissolved', 'mentor')).toBe('admins-only');
    }
    expect(pairTransitionAllowed('proposed', 'dissolved', 'admin')).toBe(true);
  });

  it('never makes a proposed pair active by hand, for anyone', () => {
    for (const actor of ACTORS)
      expect(pairTransitionRefusal('proposed', 'active', actor)).toBe('needs-consent');
  });

  it('keeps a completed or dissolved pair as it is, and allows staying put', () => {
    for (const from of ['completed', 'dissolved'] as const) {
      for (const to of PAIR_STATUSES) {
        expect(pairTransitionRefusal(from, to, 'admin')).toBe(to === from ? null : 'ended');
      }
    }
    expect(pairTransitionRefusal('proposed', 'paused', 'admin')).toBe('no-such-step');
    expect(pairTransitionRefusal('active', 'proposed', 'admin')).toBe('no-such-step');
  });

  it('starts a pair once the mentee consented and both accepted the charter, and not before', () => {
    const at = '2026-03-02T09:30:00Z';
    const pair = { menteeConsentedAt: at, charterAcceptedAt: { mentor: at, mentee: at } };
    expect(readyToActivate(pair)).toBe(true);
    expect(readyToActivate({ ...pair, menteeConsentedAt: null })).toBe(false);
    expect(readyToActivate({ ...pair, charterAcceptedAt: { mentor: null, mentee: at } })).toBe(false);
    expect(readyToActivate({ ...pair, charterAcceptedAt: { mentor: at, mentee: null } })).toBe(false);
  });

  it('lets a member leave a pair that is still going, and not one that is over', () => {
    expect(PAIR_STATUSES.filter(canDecline)).toEqual(['proposed', 'active', 'paused']);
  });

  it('tells who ended a pair to admins and to the one who did, and to nobody else', () => {
    const pair = { id: 'p', endedBy: 'mentee' as const };
    expect(pairAsSeenBy(pair, 'admin').endedBy).toBe('mentee');
    expect(pairAsSeenBy(pair, 'mentee').endedBy).toBe('mentee');
    expect(pairAsSeenBy(pair, 'mentor')).toEqual({ id: 'p', endedBy: null });
    expect(pair.endedBy).toBe('mentee');
  });
});
