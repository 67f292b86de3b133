/** Words agents read for the engine's category and step ids. */
export const CATEGORY_LABELS: Record<string, string> = {
  delay: 'Delay',
  miscommunication: 'Miscommunication',
  unmet_expectation: 'Unmet expectation',
  company_mistake: 'Our mistake',
  repeat_contact: 'Repeat contact',
  escalation_threat: 'Escalation threat',
  personal_stress: 'Personal stress',
  abuse: 'Abusive language',
  profanity: 'Profanity',
  complaint: 'Complaint',
  frustration: 'Frustration',
  calm: 'Calm',
  intensity: 'Intensity',
};

export const STEP_LABELS: Record<string, string> = {
  acknowledge: 'Acknowledge',
  apologise: 'Apologise',
  options: 'Offer options',
  boundary: 'Set a boundary',
  escalate: 'Escalate',
  follow_up: 'Follow up',
};

export const COACH_LABELS: Record<string, string> = {
  blame: 'Blame',
  condescension: 'Condescension',
  defensive: 'Defensive',
  no_empathy: 'No empathy',
  no_apology: 'No apology',
  no_options: 'No next step',
  vague_apology: 'Vague apology',
  overpromise: 'Over-promise',
  jargon: 'Jargon',
};
