import { createHash } from 'node:crypto';
import type { Locale, MatchProposalSet, PairBatch } from '@rm-kit/core';
import type { RmClient } from '@rm-kit/sdk';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { sent } from '../import/write-rows.js';

export interface MatchOptions {
  programId: string;
  publish: boolean;
  locale: Locale;
  json: boolean;
  /** Asks a yes-or-no question on the terminal; undefined when nobody is there to answer. */
  ask: ((question: string) => Promise<boolean>) | undefined;
  print: (text: string) => void;
}

/** The proposals with their reasons, who is left out and the pins not kept, for a person to read. */
export function formatProposals(set: MatchProposalSet, locale: Locale): string {
  const names = new Map(set.people.map((person) => [person.id, person.displayName]));
  const name = (id: string) => names.get(id) ?? id;
  const lines = [
    `${set.proposals.length} proposed pairs (score mean ${set.fairness.mean.toFixed(2)}, lowest ${set.fairness.minimum.toFixed(2)})`,
  ];
  set.proposals.forEach((proposal, index) => {
    lines.push(
      '',
      `${index + 1}. ${name(proposal.mentorId)} (mentor, junior) with ${name(proposal.menteeId)} (mentee, senior): score ${proposal.score.toFixed(2)}${proposal.pinned ? ', pinned' : ''}`,
      ...proposal.reasons.map((reason) => `   - ${reason[locale]}`),
    );
  });
  if (set.unmatched.length > 0) {
    lines.push('', 'Left out:');
    for (const person of set.unmatched) {
      lines.push(
        `   ${name(person.personId)} (${person.role}): ${person.reasons.map((r) => r[locale]).join('; ')}`,
      );
    }
  }
  if (set.conflicts.length > 0) {
    lines.push('', 'Pins not kept:');
    for (const conflict of set.conflicts) {
      lines.push(`   ${name(conflict.mentorId)} with ${name(conflict.menteeId)}: ${conflict.reason[locale]}`);
    }
  }
  return lines.join('\n');
}

/**
 * `rm-kit match`: what matching proposes now, then, on `--publish` or a "yes" at the
 * terminal, every proposal published at once (all or none, as the server checks them).
 * The publish's key comes from the program and the pairs, so running it again after an
 * interruption does not publish twice.
 */
export async function match(client: RmClient, options: MatchOptions): Promise<ExitCode> {
  const set = await client.matching.proposals(options.programId);
  const pairs = set.proposals.map(({ mentorId, menteeId }) => ({ mentorId, menteeId }));
  const report = (published: PairBatch | null, note: string) => {
    options.print(options.json ? JSON.stringify({ ...set, published }, null, 2) : note);
    return EXIT.ok;
  };
  if (!options.json) options.print(formatProposals(set, options.locale));
  if (pairs.length === 0) return report(null, '\nNothing to publish.');
  const go =
    options.publish ||
    (!options.json &&
      options.ask !== undefined &&
      (await options.ask(`\nPublish these ${pairs.length} pairs? [y/N] `)));
  if (!go) return report(null, '\nNot published: run again with --publish to publish them.');
  const key = createHash('sha256')
    .update(`${options.programId}\n${JSON.stringify(pairs)}`)
    .digest('hex');
  const batch = sent(
    await client.matching.publish(options.programId, pairs, {
      idempotencyKey: `rm-kit-cli-match-${key.slice(0, 48)}`,
    }),
  );
  return report(
    batch,
    `\nPublished ${batch.items.length} pairs: each is proposed until its mentee agrees and both accept the charter.`,
  );
}
