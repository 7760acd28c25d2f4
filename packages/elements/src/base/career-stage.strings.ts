import type { BothLanguages } from './localize.js';

/** The career stages, as the pair card and the feedback form name them ("Mentor · early career"). */
export const careerStageStrings: BothLanguages<
  'stage.early' | 'stage.mid' | 'stage.senior' | 'stage.executive'
> = {
  en: {
    'stage.early': 'early career',
    'stage.mid': 'mid career',
    'stage.senior': 'senior',
    'stage.executive': 'executive',
  },
  it: {
    'stage.early': 'inizio carriera',
    'stage.mid': 'metà carriera',
    'stage.senior': 'senior',
    'stage.executive': 'dirigente',
  },
};
