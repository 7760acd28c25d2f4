import type { Config } from '../config.js';
import { forbidden, type Problem } from '../http/problem.js';
import type { Identity } from './identity.js';

/** How people from the identity provider become callers of this deployment. */
export interface SignInPolicy {
  /** The organisation people signing in for the first time join; none: nobody is created. */
  orgId: string | null;
  /** An app role (the token's `roles` claim) that makes its holder an admin, or null. */
  adminRole: string | null;
  /** Tenant ids (`tid`) admitted; empty: any the issuer signs for. */
  allowedTenants: readonly string[];
  /** Email domains admitted; empty: any. */
  allowedEmailDomains: readonly string[];
}

export function signInPolicy(config: Config, orgId: string | null): SignInPolicy {
  return {
    orgId: config.RMKIT_CREATE_ON_SIGN_IN ? orgId : null,
    adminRole: config.RMKIT_ADMIN_ROLE || null,
    allowedTenants: config.RMKIT_ALLOWED_TENANTS,
    allowedEmailDomains: config.RMKIT_ALLOWED_EMAIL_DOMAINS.map((d) => d.toLowerCase().replace(/^@/, '')),
  };
}

/**
 * Why this identity may not sign in here at all, whether or not someone already added it:
 * a limit names who belongs to the company, and an account outside it is refused.
 */
export function refusal(policy: SignInPolicy, identity: Identity): Problem | null {
  if (policy.allowedTenants.length > 0 && !policy.allowedTenants.includes(identity.tenantId ?? '')) {
    return forbidden('Accounts of your organisation’s directory (tenant) cannot sign in here');
  }
  if (policy.allowedEmailDomains.length > 0) {
    const domain = identity.email?.split('@')[1] ?? '';
    if (!policy.allowedEmailDomains.includes(domain)) {
      return forbidden('Accounts with your email domain cannot sign in here');
    }
  }
  return null;
}

export function isAdminByRole(policy: SignInPolicy, identity: Identity): boolean {
  return policy.adminRole !== null && identity.roles.includes(policy.adminRole);
}
