import type { WebhookDeliveryStatus, WebhookEventType } from '@rm-kit/core';
import { type BaseKey, baseEnglish } from '../base/base.strings.en.js';
import type { Strings, Words } from '../base/localize.js';

/** Every word the webhook settings show: their own and the state words every element shares. */
export type WebhookSettingsKey =
  | BaseKey
  | `event.${WebhookEventType | 'ping'}`
  | `status.${WebhookDeliveryStatus}`
  | 'title'
  | 'intro'
  | 'empty'
  | 'list'
  | 'add'
  | 'url'
  | 'urlHint'
  | 'events'
  | 'description'
  | 'descriptionHint'
  | 'create'
  | 'creating'
  | 'noEvents'
  | 'urlRefused'
  | 'active'
  | 'paused'
  | 'pause'
  | 'resume'
  | 'ping'
  | 'rotate'
  | 'delete'
  | 'showLog'
  | 'hideLog'
  | 'logTitle'
  | 'logEmpty'
  | 'refreshLog'
  | 'redeliver'
  | 'attempts'
  | 'answer'
  | 'noAnswer'
  | 'nextAttempt'
  | 'deliveredAt'
  | 'queuedAt'
  | 'detail'
  | 'secretTitle'
  | 'secretBody'
  | 'secretLabel'
  | 'copy'
  | 'copied'
  | 'copyFailed'
  | 'secretDone'
  | 'keep'
  | 'deleteTitle'
  | 'deleteBody'
  | 'rotateTitle'
  | 'rotateBody'
  | 'created'
  | 'pausedDone'
  | 'resumedDone'
  | 'deleted'
  | 'pingQueued'
  | 'redelivered'
  | 'rotated'
  | 'writeFailed'
  | 'queued';

const webhookSettingsEnglish: Words<WebhookSettingsKey> = {
  ...baseEnglish,
  'event.session.held': 'Session held',
  'event.feedback.submitted': 'Feedback submitted (without its answers)',
  'event.pair.at-risk': 'Pair at risk',
  'event.match.published': 'Pairs proposed',
  'event.story.published': 'Story published',
  'event.ping': 'Test',
  'status.pending': 'Waiting',
  'status.delivering': 'Sending',
  'status.succeeded': 'Delivered',
  'status.failed': 'Not delivered',
  title: 'Webhooks',
  intro:
    'Tell Teams, Slack or another system what happens in your programs. Each event is signed with the webhook’s secret and carries ids only, never notes, feedback answers or goals.',
  empty: 'No webhooks yet. Add one to send program events to another system.',
  list: 'Webhooks of the organisation',
  add: 'Add a webhook',
  url: 'URL',
  urlHint: 'An https address the receiver answers at, e.g. https://relay.example.com/rm-kit.',
  events: 'Events',
  description: 'Description (optional)',
  descriptionHint: 'What it is for, e.g. HR channel in Teams.',
  create: 'Add webhook',
  creating: 'Adding…',
  noEvents: 'Choose at least one event.',
  urlRefused: 'This address cannot receive webhooks: use a public https address.',
  active: 'Active',
  paused: 'Paused',
  pause: 'Pause',
  resume: 'Resume',
  ping: 'Send a test',
  rotate: 'New secret',
  delete: 'Delete',
  showLog: 'Show deliveries',
  hideLog: 'Hide deliveries',
  logTitle: 'Deliveries to {url}',
  logEmpty: 'Nothing sent yet.',
  refreshLog: 'Refresh',
  redeliver: 'Send again',
  attempts: 'Attempts: {count}',
  answer: 'Answer: {code}',
  noAnswer: 'No answer',
  nextAttempt: 'Next attempt: {when}',
  deliveredAt: 'Delivered: {when}',
  queuedAt: 'Queued: {when}',
  detail: 'Detail:',
  secretTitle: 'Signing secret for {url}',
  secretBody: 'Copy it now and give it to the receiver: it will not be shown again.',
  secretLabel: 'Signing secret',
  copy: 'Copy',
  copied: 'Secret copied.',
  copyFailed: 'The secret could not be copied: select it and copy it yourself.',
  secretDone: 'I have copied it',
  keep: 'Cancel',
  deleteTitle: 'Delete this webhook?',
  deleteBody: '{url} will receive nothing more, and its delivery log is deleted.',
  rotateTitle: 'Replace the signing secret?',
  rotateBody:
    'A new secret is shown once. For 24 hours deliveries are signed with the old secret too, so you can give the receiver the new one without missing anything.',
  created: 'Webhook added.',
  pausedDone: 'Webhook paused: nothing is sent until you resume it.',
  resumedDone: 'Webhook resumed.',
  deleted: 'Webhook deleted.',
  pingQueued: 'Test sent: it appears in the delivery log within a few seconds.',
  redelivered: 'Delivery queued again.',
  rotated: 'New secret created.',
  writeFailed: 'The change could not be saved.',
  queued: 'You are offline: try again when you are back online.',
};

export const webhookSettingsStrings: Strings<WebhookSettingsKey> = {
  en: webhookSettingsEnglish,
  it: () => import('./webhook-settings.strings.it.js').then((words) => words.webhookSettingsItalian),
};
