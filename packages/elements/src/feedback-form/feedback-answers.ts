import type { Feedback, FeedbackKind, RatingKey } from '@rm-kit/core';
import { RATING_KEYS } from '@rm-kit/core/vocabulary';

/** What the person has chosen and written so far; a rating not chosen yet is absent. */
export interface Answers {
  ratings: Partial<Record<RatingKey, number>>;
  recommend: number | null;
  learned: string;
  improve: string;
  shareWithPartner: boolean;
}

export type Field = RatingKey | 'recommend' | 'learned' | 'improve';
export type ErrorKey = 'error.rating' | 'error.recommend' | 'error.tooLong';
export type FieldErrors = Partial<Record<Field, ErrorKey>>;

/** The order a person meets the questions in: the first invalid one gets the focus. */
export const FIELDS: readonly Field[] = [...RATING_KEYS, 'recommend', 'learned', 'improve'];
export const TEXT_MAX = 4000;

export const emptyAnswers = (): Answers => ({
  ratings: {},
  recommend: null,
  learned: '',
  improve: '',
  shareWithPartner: false,
});

export const answersOf = (feedback: Feedback): Answers => ({
  ratings: { ...feedback.ratings },
  recommend: feedback.recommend,
  learned: feedback.learned,
  improve: feedback.improve,
  shareWithPartner: feedback.shareWithPartner,
});

/** What the answers are about, as the request names it: as loaded, or as the attributes say before a load. */
export interface AnswersAbout {
  kind: FeedbackKind | undefined;
  sessionId: string | null;
}

/** The body of the create call, from the answers; a rating not chosen is left out. */
export function requestBody(answers: Answers, about: AnswersAbout) {
  return {
    ...about,
    ratings: { ...answers.ratings },
    recommend: answers.recommend ?? undefined,
    learned: answers.learned,
    improve: answers.improve,
    shareWithPartner: answers.shareWithPartner,
  };
}

/**
 * The answers as a host form submits them, in the shape the create call takes, with explicit
 * nulls for what is not chosen yet, so the JSON always has the same keys.
 */
export function formValue(answers: Answers, about: AnswersAbout): string {
  return JSON.stringify({
    ...requestBody(answers, about),
    kind: about.kind ?? null,
    ratings: Object.fromEntries(RATING_KEYS.map((key) => [key, answers.ratings[key] ?? null])),
    recommend: answers.recommend,
  });
}

/** What must be answered and is not: every rating, and the recommendation. */
export function missingErrors(answers: Answers): FieldErrors {
  const errors: FieldErrors = {};
  for (const key of RATING_KEYS) if (answers.ratings[key] === undefined) errors[key] = 'error.rating';
  if (answers.recommend === null) errors.recommend = 'error.recommend';
  return errors;
}

/** The first question a person meets that must be answered and is not, and what to tell them. */
export function firstMissing(answers: Answers): { field: Field; error: ErrorKey } | undefined {
  const errors = missingErrors(answers);
  const field = FIELDS.find((each) => errors[each]);
  const error = field && errors[field];
  return field && error ? { field, error } : undefined;
}

/** A form state restored by the browser (the JSON of `value`), as answers; null if it is not ours. */
export function answersFromJson(json: string): Answers | null {
  try {
    const body = JSON.parse(json) as Partial<Answers> & { ratings?: Record<string, number | null> };
    return {
      ratings: Object.fromEntries(
        RATING_KEYS.flatMap((key) =>
          typeof body.ratings?.[key] === 'number' ? [[key, body.ratings[key]]] : [],
        ),
      ),
      recommend: typeof body.recommend === 'number' ? body.recommend : null,
      learned: typeof body.learned === 'string' ? body.learned : '',
      improve: typeof body.improve === 'string' ? body.improve : '',
      shareWithPartner: body.shareWithPartner === true,
    };
  } catch {
    return null;
  }
}
