/**
 * How a release remembers one answer: the group whose figure it is counted in (a feedback
 * kind, say) and what it contributed to the figures, so a later change to it is seen.
 */
export interface AnswerTrace {
  group: string;
  value: string;
}

/** The answers a release covers, by answer id. */
export type ReleaseCoverage = Record<string, AnswerTrace>;

/** Figures as they were last released, and the answers they cover. */
export interface Release<F> {
  releasedAt: string;
  covers: ReleaseCoverage;
  figures: F;
}

/**
 * How many answers each group gained, lost or changed between two coverages. A withdrawn
 * answer counts in the group it was released in; one that moved counts in both groups.
 */
export function changesByGroup(released: ReleaseCoverage, current: ReleaseCoverage): Map<string, number> {
  const changes = new Map<string, number>();
  const count = (group: string) => changes.set(group, (changes.get(group) ?? 0) + 1);
  for (const [id, now] of Object.entries(current)) {
    const before = released[id];
    if (!before) count(now.group);
    else if (before.group !== now.group) {
      count(before.group);
      count(now.group);
    } else if (before.value !== now.value) count(now.group);
  }
  for (const [id, before] of Object.entries(released)) if (!current[id]) count(before.group);
  return changes;
}

/**
 * Whether figures may move from what `released` covers to what `current` holds: only when
 * something changed, and every group that changed did so in at least `step` answers.
 * Two releases then differ by whole steps, in every group and so in any sum of groups,
 * and subtracting one from the other never isolates fewer than `step` answers.
 */
export function mayRelease(released: ReleaseCoverage, current: ReleaseCoverage, step: number): boolean {
  const counts = [...changesByGroup(released, current).values()];
  return counts.length > 0 && counts.every((n) => n >= step);
}

export interface ReleaseRule<A, F> {
  /** The organisation's minAggregateGroupSize: how many answers a figure moves by at least. */
  step: number;
  /** When a release made now is dated. */
  at: string;
  /** The answer's id and how a release remembers it. */
  traceOf: (answer: A) => [id: string, trace: AnswerTrace];
  /** The figures over a set of answers; every group and sum in them from this one set. */
  summarize: (answers: readonly A[]) => F;
}

/**
 * The release every aggregate goes through: `previous` itself while fewer than a step of
 * answers changed (so a report taken after one more answer shows the same figures, counts
 * included), or a new release of every figure at once from the answers as they are now.
 * Null while nothing has ever been released.
 */
export function nextRelease<A, F>(
  previous: Release<F> | null,
  answers: readonly A[],
  rule: ReleaseRule<A, F>,
): Release<F> | null {
  const current: ReleaseCoverage = Object.fromEntries(answers.map(rule.traceOf));
  if (!mayRelease(previous?.covers ?? {}, current, rule.step)) return previous;
  return { releasedAt: rule.at, covers: current, figures: rule.summarize(answers) };
}
