import type { Config } from '../config.js';

export interface Advice {
  level: 'info' | 'warn';
  message: string;
}

/**
 * What an operator should know at start, in their words: the settings that are missing
 * or that let more in than they may think. Nothing here stops the server.
 */
export function startupAdvice(config: Config, facts: { admins: number; createdOrganization: boolean }) {
  const advice: Advice[] = [];
  if (facts.createdOrganization) {
    advice.push({
      level: 'info',
      message: `Created the organisation "${config.RMKIT_ORG_NAME}": people signing in with your identity provider join it`,
    });
  }
  if (config.RMKIT_DEMO) return advice;
  if (facts.admins === 0 && !config.RMKIT_ADMIN_ROLE) {
    advice.push({
      level: 'warn',
      message:
        'Nobody can run programs yet: set RMKIT_ADMIN_ROLE to the app role your identity provider gives admins (Entra ID: an app role such as RmKit.Admin), or mark a person as admin in the database',
    });
  }
  if (
    config.RMKIT_CREATE_ON_SIGN_IN &&
    config.RMKIT_ALLOWED_TENANTS.length === 0 &&
    config.RMKIT_ALLOWED_EMAIL_DOMAINS.length === 0
  ) {
    advice.push({
      level: 'info',
      message: `Anyone with a token from ${config.RMKIT_ISSUER} for ${config.RMKIT_AUDIENCE} is added on first sign-in; to admit only your company, set RMKIT_ALLOWED_TENANTS or RMKIT_ALLOWED_EMAIL_DOMAINS`,
    });
  }
  if (config.RMKIT_CORS_ORIGINS.length === 0 && config.RMKIT_STATIC_DIRS.length === 0) {
    advice.push({
      level: 'warn',
      message:
        'RMKIT_CORS_ORIGINS is empty: intranet or SharePoint pages on other origins cannot call this API; set it to their origins (e.g. https://contoso.sharepoint.com)',
    });
  }
  return advice;
}
