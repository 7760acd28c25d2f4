import type { Locale, PairRole } from '@rm-kit/core';
import type { PersonKey } from './demo-people.js';

/**
 * The demo's success stories, each of a pair of PAIRS named by its mentor: two published
 * (the intranet home shows them), one both sides agreed to that waits for the HR lead, and
 * a draft of Giulia and Marco that only Giulia has agreed to so far. Days from the day the
 * demo is seeded. Data only; demo-seed.ts builds the rows.
 */
export interface StorySpec {
  mentor: PersonKey;
  writtenDay: number;
  title: string;
  text: string;
  language: Locale;
  quote?: { text: string; by: PairRole };
  /** The days each side agreed, if they did. */
  agreed: Partial<Record<PairRole, number>>;
  /** The day the HR lead approved it. */
  publishedDay?: number;
}

export const STORIES: StorySpec[] = [
  {
    mentor: 'aisha',
    writtenDay: -24,
    title: 'Our CTO now runs his own pipeline review',
    text: 'James used to wait for a monthly slide deck. Over six sessions Aisha showed him the live CRM dashboards and how her team reads them; he now opens the pipeline review himself every Monday. In return, James walked Aisha through how a technology budget is defended in front of the board.',
    language: 'en',
    quote: { text: 'I stopped asking for reports and started asking better questions.', by: 'mentee' },
    agreed: { mentor: -23, mentee: -22 },
    publishedDay: -20,
  },
  {
    mentor: 'giulia',
    writtenDay: -15,
    title: 'Il CFO che risponde ai commenti',
    text: 'Marco aveva un profilo LinkedIn fermo da anni. Con Giulia lo ha rinnovato e ha pubblicato il primo post sul bilancio di sostenibilità, che ha raggiunto più di 4.000 persone. Oggi risponde da solo alle domande sotto i suoi post. Giulia, da parte sua, ha imparato come un CFO decide che cosa si può dire prima dei risultati trimestrali.',
    language: 'it',
    quote: { text: 'Un profilo serve ad aprire conversazioni, non è un curriculum.', by: 'mentee' },
    agreed: { mentor: -14, mentee: -13 },
    publishedDay: -12,
  },
  {
    mentor: 'sofia',
    writtenDay: -4,
    title: 'R&D measures its carbon footprint',
    text: 'Sofia helped Sarah turn the lab’s energy bills into a first carbon footprint of R&D, and the team now tracks it every quarter. Sarah showed Sofia how a research budget is planned over three years.',
    language: 'en',
    agreed: { mentor: -3, mentee: -2 },
  },
  {
    mentor: 'giulia',
    writtenDay: -2,
    title: 'Dall’intelligenza artificiale al consiglio di amministrazione',
    text: 'Giulia ha mostrato a Marco come preparare in mezz’ora, con uno strumento di IA, la sintesi di un documento di cinquanta pagine. Marco l’ha usata per preparare l’ultima riunione del consiglio.',
    language: 'it',
    agreed: { mentor: -1 },
  },
];
