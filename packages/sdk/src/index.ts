export type * from '@rm-kit/core';
export { isStale, staleSince } from './cache.js';
export {
  type CalendarLink,
  type ClientEventMap,
  type ClientOptions,
  createClient,
  type Queued,
  type Ref,
  RmClient,
  type Written,
} from './client.js';
export {
  isOriginRefused,
  isTransient,
  RmConflictError,
  RmError,
  RmForbiddenError,
  RmNetworkError,
  RmNotFoundError,
  RmPreconditionError,
  RmRateLimitError,
  RmServerError,
  RmUnauthorizedError,
  RmValidationError,
} from './errors.js';
export type { EventsApi, StreamStatus, SubscribeOptions } from './events.js';
export type { OutboxEntry, SyncedWrite } from './outbox.js';
export type { OutboxOperation, OutboxOperations, OutboxResult, OutboxWrite } from './outbox-writes.js';
export type { ListQuery } from './pagination.js';
export { personDataFile } from './person-data-file.js';
export { indexedDbStore, type KeyValueStore, memoryStore } from './store.js';
export type { RequestOptions, RetryPolicy } from './transport.js';
