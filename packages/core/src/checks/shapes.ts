// Written by scripts/core-checks.mjs from core's zod schemas; do not edit by hand.
import type { Shape } from './check.js';

export const SESSION_CREATE: Shape = {
  type: 'object',
  shape: {
    status: {
      type: 'default',
      inner: { type: 'enum', values: ['planned', 'held', 'cancelled', 'missed'] },
      value: 'held',
    },
    scheduledAt: {
      type: 'default',
      inner: {
        type: 'nullable',
        inner: {
          type: 'string',
          format: {
            format: 'datetime',
            pattern:
              '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$',
          },
          rules: [
            {
              check: 'refine',
              name: 'storableInstant',
              message: 'Use a date between the years 1 and 9999 (in UTC)',
            },
          ],
        },
      },
      value: null,
    },
    occurredAt: {
      type: 'default',
      inner: {
        type: 'nullable',
        inner: {
          type: 'string',
          format: {
            format: 'datetime',
            pattern:
              '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$',
          },
          rules: [
            {
              check: 'refine',
              name: 'storableInstant',
              message: 'Use a date between the years 1 and 9999 (in UTC)',
            },
          ],
        },
      },
      value: null,
    },
    durationMinutes: {
      type: 'default',
      inner: {
        type: 'nullable',
        inner: {
          type: 'number',
          integer: true,
          rules: [
            { check: 'min', value: 1 },
            { check: 'max', value: 480 },
          ],
        },
      },
      value: null,
    },
    format: {
      type: 'default',
      inner: { type: 'enum', values: ['in-person', 'video', 'phone', 'async'] },
      value: 'video',
    },
    topics: {
      type: 'default',
      inner: {
        type: 'array',
        element: {
          type: 'string',
          rules: [
            {
              check: 'format',
              format: {
                format: 'regex',
                pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
                message: 'Use lowercase words joined by hyphens, e.g. "ai-tools"',
              },
            },
            { check: 'max', value: 48 },
          ],
        },
        rules: [{ check: 'max', value: 20 }],
      },
      value: [],
    },
    summary: {
      type: 'default',
      inner: { type: 'string', rules: [{ check: 'max', value: 10000 }] },
      value: '',
    },
    cancellationReason: {
      type: 'default',
      inner: {
        type: 'nullable',
        inner: { type: 'string', rules: [{ check: 'trim' }, { check: 'max', value: 1000 }] },
      },
      value: null,
    },
    actionItems: {
      type: 'default',
      inner: {
        type: 'array',
        element: {
          type: 'object',
          shape: {
            id: {
              type: 'optional',
              inner: {
                type: 'string',
                rules: [
                  { check: 'min', value: 1 },
                  { check: 'max', value: 40 },
                ],
              },
            },
            text: {
              type: 'string',
              rules: [{ check: 'trim' }, { check: 'min', value: 1 }, { check: 'max', value: 500 }],
            },
            owner: { type: 'enum', values: ['mentor', 'mentee'] },
            done: { type: 'default', inner: { type: 'boolean' }, value: false },
          },
          rules: [],
        },
        rules: [{ check: 'max', value: 30 }],
      },
      value: [],
    },
  },
  rules: [{ check: 'refine', name: 'sessionTiming' }],
};
export const FEEDBACK_CREATE: Shape = {
  type: 'object',
  shape: {
    sessionId: {
      type: 'default',
      inner: {
        type: 'nullable',
        inner: {
          type: 'string',
          rules: [
            {
              check: 'format',
              format: {
                format: 'regex',
                pattern: '^ses_[0-9A-HJKMNP-TV-Z]{26}$',
                message: 'Expected a session id (ses_…)',
              },
            },
          ],
        },
      },
      value: null,
    },
    kind: { type: 'enum', values: ['session', 'midpoint', 'final'] },
    ratings: {
      type: 'object',
      shape: {
        usefulness: {
          type: 'number',
          integer: true,
          rules: [
            { check: 'min', value: 1 },
            { check: 'max', value: 5 },
          ],
        },
        trust: {
          type: 'number',
          integer: true,
          rules: [
            { check: 'min', value: 1 },
            { check: 'max', value: 5 },
          ],
        },
        preparation: {
          type: 'number',
          integer: true,
          rules: [
            { check: 'min', value: 1 },
            { check: 'max', value: 5 },
          ],
        },
      },
      rules: [],
    },
    recommend: {
      type: 'number',
      integer: true,
      rules: [
        { check: 'min', value: 0 },
        { check: 'max', value: 10 },
      ],
    },
    learned: {
      type: 'default',
      inner: { type: 'string', rules: [{ check: 'max', value: 4000 }] },
      value: '',
    },
    improve: {
      type: 'default',
      inner: { type: 'string', rules: [{ check: 'max', value: 4000 }] },
      value: '',
    },
    shareWithPartner: { type: 'default', inner: { type: 'boolean' }, value: false },
  },
  rules: [{ check: 'refine', name: 'feedbackTarget' }],
};
