// The *New Case* command's file: every section, in the order the format documents, with
// placeholders a teacher replaces. It checks clean but for what only the teacher can supply
// (a real mechanism is left to choose), so the first problems shown are the ones that matter.

/** The case id rule (docs/case-format.md): lowercase letters and digits, single `-` between. */
const CASE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Why `id` cannot be a case id, or undefined when it can. */
export function caseIdProblem(id: string): string | undefined {
  if (!id) return 'Give the case an id, such as `aplastic-anemia-01`.';
  if (id.length > 100) return 'A case id is at most 100 characters.';
  if (!CASE_ID.test(id)) return 'Use lowercase letters and digits with single `-` between them, such as `aplastic-anemia-01`.';
  return undefined;
}

export function newCaseText(id: string, eol = '\n'): string {
  return [
    `case: ${id}`,
    'title: Title students see',
    'tags: anemia',
    'level: introductory',
    'status: draft',
    '',
    '[patient]',
    'age: 40 y',
    'sex: female',
    '',
    '[history]',
    'The story, as the patient or family tells it.',
    '',
    '[exam]',
    'Findings on physical examination.',
    '',
    '[labs]',
    'hemoglobin: 8.0 g/dL',
    'hematocrit: 24 %',
    'mcv: 90 fL',
    'reticulocytes: 1.0 %',
    '',
    '[smear]',
    'findings: polychromasia',
    'note: What the smear shows, in words.',
    '',
    '[marrow]',
    'cellularity: 50 %',
    'erythroid: normal',
    'note: What the aspirate and biopsy show.',
    '',
    '[course]',
    'What happened next.',
    '',
    '[answer]',
    '# Choose the mechanism the case teaches (the lightbulb suggests the engine\'s choice).',
    'mechanism: hypoproliferative',
    'diagnosis: Diagnosis',
    'explanation: Why: the teaching point, for the instructor\'s view.',
    '',
    '[question: after marrow]',
    'type: single',
    'stem: Which mechanism best explains this anemia?',
    'asks: mechanism',
    'option: * Hypoproliferative',
    'feedback: Why this is right.',
    'option: Peripheral destruction',
    'feedback: Why this is wrong.',
    'option: Blood loss',
    'feedback: Why this is wrong.',
    'option: Aplasia',
    'feedback: Why this is wrong.',
    '',
  ].join(eol);
}
