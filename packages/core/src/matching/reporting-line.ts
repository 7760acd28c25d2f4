/**
 * Everyone above `personId` in the organisation: their manager, that manager's manager,
 * and so on. A cycle in the data (A manages B manages A) ends the walk instead of
 * looping; someone missing from `managerOf` has no manager.
 */
export function managersAbove(
  managerOf: Readonly<Record<string, string | null>>,
  personId: string,
): Set<string> {
  const above = new Set<string>();
  let manager = Object.hasOwn(managerOf, personId) ? managerOf[personId] : null;
  while (manager && manager !== personId && !above.has(manager)) {
    above.add(manager);
    manager = Object.hasOwn(managerOf, manager) ? managerOf[manager] : null;
  }
  return above;
}

/**
 * Whether two people are in one reporting line: either manages the other, directly or
 * through managers in between. Reverse mentoring between them would mix the candour it
 * needs with the appraisal a manager owes.
 */
export function inOneReportingLine(
  a: { personId: string; managers: ReadonlySet<string> },
  b: { personId: string; managers: ReadonlySet<string> },
): boolean {
  return a.personId === b.personId || a.managers.has(b.personId) || b.managers.has(a.personId);
}
