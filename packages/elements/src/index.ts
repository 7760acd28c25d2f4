export { clientContext, localeContext } from './base/context.js';
export { define, setPrefix, tagName } from './base/define.js';
export type {
  EnrollmentChange,
  PairChange,
  RmErrorAction,
  RmEventDetails,
  RmEventName,
  SessionChange,
  StoryChange,
} from './base/events.js';
export { RmElement } from './base/rm-element.js';
export { RmEnrollmentForm } from './enrollment-form/enrollment-form.component.js';
export { RmFeedbackForm } from './feedback-form/feedback-form.component.js';
export { RmGoalList } from './goal-list/goal-list.component.js';
export { RmMatchBoard } from './match-board/match-board.component.js';
export { RmPairCard } from './pair-card/pair-card.component.js';
export { RmProgramDashboard } from './program-dashboard/program-dashboard.component.js';
export { RmProvider } from './provider/provider.component.js';
export { RmSessionLog } from './session-log/session-log.component.js';
export { RmStories } from './stories/stories.component.js';
