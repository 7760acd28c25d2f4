/** The state words every element uses. */
export type BaseKey =
  | 'loading'
  | 'retry'
  | 'offline'
  | 'originRefused'
  | 'notFound'
  | 'forbidden'
  | 'unauthorized'
  | 'failed'
  | 'noClient'
  | 'noPair'
  | 'stale'
  | 'pending'
  | 'reference'
  | 'mentorRole'
  | 'menteeRole';

/** Words every element uses for its states, in English. */
export const baseEnglish: Record<BaseKey, string> = {
  loading: 'Loading…',
  retry: 'Try again',
  offline: 'You are offline. What you see may be out of date; changes will be sent when you are back online.',
  originRefused:
    'The rm-kit server refused this page ({origin}). Ask whoever runs it to add this address to its RMKIT_CORS_ORIGINS setting.',
  notFound: 'This could not be found, or it is not shared with you.',
  forbidden: 'You do not have access to this.',
  unauthorized: 'Your sign-in has expired. Sign in again to continue.',
  failed: 'Something went wrong while loading this.',
  noClient:
    'This element needs a connection: put it inside <rm-provider base-url="…"> or set its client property.',
  noPair: 'You are not in a mentoring pair at the moment.',
  stale: 'Offline copy, as of {when}',
  pending: 'Waiting to be sent',
  reference: 'Ref. {id}',
  mentorRole: 'Mentor',
  menteeRole: 'Mentee',
};
