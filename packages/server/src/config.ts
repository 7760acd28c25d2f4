import { LOCALES } from '@rm-kit/core';
import { z } from 'zod';
import { CannotStart } from './cannot-start.js';
import { parseAddressBlock } from './http/client-address.js';
import { frameAncestorProblem } from './routes/embed/frame-ancestors.js';

const flag = z
  .enum(['1', '0', 'true', 'false', ''])
  .default('0')
  .transform((v) => v === '1' || v === 'true');

const flagOn = z
  .enum(['1', '0', 'true', 'false', ''])
  .default('1')
  .transform((v) => v !== '0' && v !== 'false');

const list = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

/** Every setting the server reads from its environment (docs/server.md describes each). */
export const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8787),
    HOST: z.string().default('127.0.0.1'),
    DATABASE_URL: z.string().default('sqlite:./data/rm-kit.sqlite'),
    RMKIT_DEMO: flag,
    RMKIT_JWKS_URL: z.url().optional(),
    RMKIT_ISSUER: z.string().optional(),
    RMKIT_AUDIENCE: z.string().optional(),
    RMKIT_ORG_NAME: z.string().trim().min(1).max(120).optional(),
    RMKIT_ORG_LOCALE: z.enum(LOCALES).default('en'),
    RMKIT_BIND_BY_EMAIL: flag,
    RMKIT_CREATE_ON_SIGN_IN: flagOn,
    RMKIT_ADMIN_ROLE: z.string().trim().max(120).default('RmKit.Admin'),
    RMKIT_ALLOWED_TENANTS: list,
    RMKIT_ALLOWED_EMAIL_DOMAINS: list,
    RMKIT_CORS_ORIGINS: list,
    RMKIT_FRAME_ANCESTORS: list.superRefine((entries, ctx) => {
      for (const entry of entries) {
        const problem = frameAncestorProblem(entry);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }
    }),
    RMKIT_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
    RMKIT_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
    RMKIT_AUTH_FAILURE_LIMIT: z.coerce.number().int().min(1).default(60),
    RMKIT_BODY_LIMIT: z.coerce
      .number()
      .int()
      .min(1024)
      .default(256 * 1024),
    RMKIT_IDEMPOTENCY_HOURS: z.coerce.number().int().min(24).default(24),
    RMKIT_STATIC_DIRS: list,
    RMKIT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    RMKIT_SHUTDOWN_SECONDS: z.coerce.number().min(0).max(3600).default(10),
    RMKIT_DRAIN_DELAY_SECONDS: z.coerce.number().min(0).max(600).default(0),
    RMKIT_WEBHOOK_ALLOW_PRIVATE: flag,
    RMKIT_WEBHOOK_ALLOW_HTTP: flag,
    RMKIT_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
    RMKIT_WEBHOOK_RETRY_SECONDS: z.coerce.number().min(0.01).max(3600).default(30),
    RMKIT_WEBHOOK_WAIT_SECONDS: z.coerce.number().min(0.1).max(60).default(10),
    RMKIT_WEBHOOK_POLL_SECONDS: z.coerce.number().min(0.05).max(300).default(2),
    RMKIT_WEBHOOK_SWEEP_MINUTES: z.coerce.number().min(0.01).max(1440).default(5),
    RMKIT_TRUSTED_PROXIES: list.refine((entries) => entries.every((e) => parseAddressBlock(e) !== null), {
      message: 'Give addresses or CIDR blocks, comma-separated, e.g. 10.0.0.0/8,127.0.0.1,::1',
    }),
  })
  .superRefine((env, ctx) => {
    if (env.RMKIT_DEMO) return;
    for (const key of ['RMKIT_JWKS_URL', 'RMKIT_ISSUER', 'RMKIT_AUDIENCE'] as const) {
      if (!env[key]) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `${key} is required unless RMKIT_DEMO=1 (the server must know whose tokens to trust)`,
        });
      }
    }
  });

export type Config = z.infer<typeof configSchema>;

/** Reads the configuration, or throws one message naming every missing or invalid setting. */
export function readConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new CannotStart(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
