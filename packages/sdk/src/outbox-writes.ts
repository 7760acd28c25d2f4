import type {
  Enrollment,
  EnrollmentCreate,
  EnrollmentUpdate,
  Feedback,
  FeedbackCreate,
  FeedbackUpdate,
  Goal,
  GoalCreate,
  GoalTemplate,
  GoalTemplateCreate,
  GoalTemplateUpdate,
  GoalUpdate,
  MatchConstraint,
  MatchConstraintCreate,
  MatchPublish,
  Organization,
  OrganizationUpdate,
  Pair,
  PairBatch,
  PairCreate,
  PairUpdate,
  Person,
  PersonCreate,
  PersonUpdate,
  PrivateNote,
  PrivateNoteCreate,
  PrivateNoteUpdate,
  Program,
  ProgramCreate,
  ProgramUpdate,
  ServiceTokenCreated,
  Session,
  SessionCreate,
  SessionUpdate,
  SharedStory,
  Story,
  StoryCreate,
  StoryReturn,
  StoryUpdate,
  Webhook,
  WebhookCreate,
  WebhookDelivery,
  WebhookUpdate,
  WebhookWithSecret,
} from '@rm-kit/core';

/** The create, update and remove of one resource: what each names, sends and gets back. */
type Crud<Name extends string, T, C, U, Parent extends object> = {
  [K in `${Name}.create`]: { args: Parent & { body: C }; result: T };
} & { [K in `${Name}.update`]: { args: { id: string; body: U }; result: T } } & {
  [K in `${Name}.remove`]: { args: { id: string }; result: undefined };
};

/**
 * Every write the outbox can hold, by operation: the ids it was made with (the parent a
 * create goes under, the entity an update changes) and its body, as core's schemas type
 * them, and what the server answers. An app or widget reads a queued write from these,
 * never from its HTTP path.
 */
export type OutboxOperations = Crud<'sessions', Session, SessionCreate, SessionUpdate, { pairId: string }> &
  Crud<'notes', PrivateNote, PrivateNoteCreate, PrivateNoteUpdate, { sessionId: string }> &
  Crud<'feedback', Feedback, FeedbackCreate, FeedbackUpdate, { pairId: string }> &
  Crud<'goals', Goal, GoalCreate, GoalUpdate, { pairId: string }> &
  Crud<'goalTemplates', GoalTemplate, GoalTemplateCreate, GoalTemplateUpdate, { programId: string }> &
  Crud<'pairs', Pair, PairCreate, PairUpdate, { programId: string }> &
  Crud<'people', Person, PersonCreate, PersonUpdate, object> &
  Crud<'programs', Program, ProgramCreate, ProgramUpdate, object> &
  Crud<'enrollments', Enrollment, EnrollmentCreate, EnrollmentUpdate, { programId: string }> & {
    'pairs.acceptCharter': { args: { pairId: string }; result: Pair };
    'pairs.consent': { args: { pairId: string }; result: Pair };
    'pairs.decline': { args: { pairId: string }; result: Pair };
    'matching.publish': { args: { programId: string; body: MatchPublish }; result: PairBatch };
    'matchConstraints.create': {
      args: { programId: string; body: MatchConstraintCreate };
      result: MatchConstraint;
    };
    'matchConstraints.remove': { args: { id: string }; result: undefined };
    'organization.update': { args: { body: OrganizationUpdate }; result: Organization };
    'serviceTokens.create': { args: { body: { name: string } }; result: ServiceTokenCreated };
    'serviceTokens.revoke': { args: { id: string }; result: undefined };
    'webhooks.rotateSecret': { args: { id: string }; result: WebhookWithSecret };
    'webhooks.ping': { args: { id: string }; result: WebhookDelivery };
    'webhookDeliveries.redeliver': { args: { id: string }; result: WebhookDelivery };
  } & Omit<Crud<'webhooks', Webhook, WebhookCreate, WebhookUpdate, object>, 'webhooks.create'> & {
    'webhooks.create': { args: { body: WebhookCreate }; result: WebhookWithSecret };
    'stories.create': { args: { pairId: string; body: StoryCreate }; result: Story };
    'stories.update': { args: { id: string; body: StoryUpdate }; result: Story };
    'stories.agree': { args: { id: string }; result: Story };
    'stories.withdrawAgreement': { args: { id: string }; result: Story };
    'stories.approve': { args: { id: string }; result: SharedStory };
    'stories.return': { args: { id: string; body: StoryReturn }; result: SharedStory };
  };

export type OutboxOperation = keyof OutboxOperations;

/** One queued write: `operation` says which, and narrows the rest (`pairId`, `body`, …). */
export type OutboxWrite<K extends OutboxOperation = OutboxOperation> = {
  [Op in K]: { operation: Op } & OutboxOperations[Op]['args'];
}[K];

/** What the server answered a write of operation `K`. */
export type OutboxResult<K extends OutboxOperation> = OutboxOperations[K]['result'];
