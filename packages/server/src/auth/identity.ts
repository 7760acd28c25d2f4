/**
 * Who a verified token says its bearer is, read from its claims. Entra ID's `oid` (with
 * `tid`) is the user's stable id across applications; `sub` is pairwise per application,
 * so it serves only where there is no `oid` (Okta, Keycloak, Google…).
 */
export interface Identity {
  externalId: string;
  tenantId: string | null;
  /** An address the token vouches for (see emailClaim), or null. */
  email: string | null;
  displayName: string | null;
  department: string | null;
  title: string | null;
  roles: readonly string[];
}

function text(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, max) : null;
}

/**
 * The email a token vouches for: `email`, unless the provider says it is unverified
 * (`email_verified: false`); else `preferred_username` or `upn` when they hold an address.
 */
export function emailClaim(claims: Record<string, unknown>): string | null {
  const keys =
    claims.email_verified === false ? ['preferred_username', 'upn'] : ['email', 'preferred_username', 'upn'];
  for (const key of keys) {
    const value = claims[key];
    if (typeof value === 'string' && value.includes('@')) return value.toLowerCase();
  }
  return null;
}

export function identityFrom(claims: Record<string, unknown>): Identity {
  const name =
    text(claims.name, 120) ??
    text([claims.given_name, claims.family_name].filter((part) => typeof part === 'string').join(' '), 120);
  return {
    externalId: text(claims.oid, 255) ?? String(claims.sub),
    tenantId: text(claims.tid, 255),
    email: emailClaim(claims),
    displayName: name,
    department: text(claims.department, 120),
    title: text(claims.jobTitle ?? claims.job_title, 120),
    roles: Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [],
  };
}
