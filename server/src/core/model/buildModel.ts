// Syntax tree → case model. Pure interpretation: it reports nothing; the checks say what is wrong.
import { findLabByLowercaseName } from '../catalog/labCatalog';
import type { CaseSyntax, FieldNode, SectionNode } from '../syntax/syntaxTree';
import { splitListValue } from '../util/lists';
import type { CaseModel, LabPanel, LabResult, PatientAge, SmearPanel } from './caseModel';
import { firstFieldByKey } from './fieldLookup';
import { readLabValue } from './labValue';
import { questionImages, readQuestions } from '../questions/questionModel';
import { sectionImages, type CaseImage } from '../images/imageModel';

const AGE = /^(\d+(?:\.\d+)?)[ \t]*(y|mo|wk|d)$/i;
const DAYS_PER_AGE_UNIT = { y: 365.25, mo: 365.25 / 12, wk: 7, d: 1 } as const;
const TIMEPOINT = /^(hour|day|week|month)[ \t]+([+-]?\d+(?:\.\d+)?)$/i;
const DAYS_PER_TIME_UNIT = { hour: 1 / 24, day: 1, week: 7, month: 365.25 / 12 } as const;

export function buildModel(syntax: CaseSyntax): CaseModel {
  const header = firstFieldByKey(syntax.header);
  // One pass over the sections: the first of each name, the panels and the smears in file order.
  const sections = new Map<string, SectionNode>();
  const panels: LabPanel[] = [];
  const smears: SmearPanel[] = [];
  for (const section of syntax.sections) {
    if (!sections.has(section.name)) sections.set(section.name, section);
    if (section.name === 'labs') panels.push(readPanel(section, panels.length));
    else if (section.name === 'smear') smears.push(readSmear(section, smears.length));
  }
  pairSmears(smears, panels);

  const patientFields = firstFieldByKey(sections.get('patient')?.fields ?? []);
  const sex = patientFields.get('sex')?.value.toLowerCase();
  // The primary smear answers the questions asked of "the smear" before smears could repeat.
  const primarySmear = smears.find((s) => s.qualifier === undefined) ?? smears[0];
  if (primarySmear) sections.set('smear', primarySmear.section);

  const idField = header.get('case');
  const questions = readQuestions(syntax.sections, panels);
  const sectionImagesBySection = new Map<SectionNode, CaseImage[]>();
  const images: CaseImage[] = [];
  for (const section of syntax.sections) {
    const found = sectionImages(section);
    if (!found.length) continue;
    sectionImagesBySection.set(section, found);
    for (const image of found) images.push(image);
  }
  for (const question of questions) {
    for (const image of questionImages(question)) images.push(image);
    for (const image of question.extraImages) images.push(image);
  }
  return {
    syntax,
    header,
    id: idField?.value || undefined,
    idRange: idField?.value ? idField.valueRange : undefined,
    title: header.get('title')?.value || undefined,
    tags: listOf(header.get('tags')),
    seeAlso: listOf(header.get('see-also')),
    patient: {
      age: readAge(patientFields.get('age')),
      sex: sex === 'male' || sex === 'female' || sex === 'other' || sex === 'unknown' ? sex : undefined,
    },
    sections,
    panels,
    smears,
    smearFindings: primarySmear?.findings ?? [],
    marrow: firstFieldByKey(sections.get('marrow')?.fields ?? [], 'marrow'),
    answer: firstFieldByKey(sections.get('answer')?.fields ?? []),
    questions,
    sectionImages: sectionImagesBySection,
    images,
  };
}

function listOf(field: FieldNode | undefined) {
  return field ? splitListValue(field) : [];
}

export function readAge(field: FieldNode | undefined): PatientAge | undefined {
  const match = field ? AGE.exec(field.value) : null;
  if (!field || !match) return undefined;
  const unit = match[2].toLowerCase() as PatientAge['unit'];
  const amount = Number(match[1]);
  return { amount, unit, days: amount * DAYS_PER_AGE_UNIT[unit], range: field.valueRange };
}

export function readTimepoint(qualifier: string | undefined): LabPanel['time'] {
  const match = qualifier ? TIMEPOINT.exec(qualifier.trim()) : null;
  if (!match) return undefined;
  const unit = match[1].toLowerCase() as keyof typeof DAYS_PER_TIME_UNIT;
  const amount = Number(match[2]);
  return { unit, amount, days: amount * DAYS_PER_TIME_UNIT[unit] };
}

function readPanel(section: SectionNode, index: number): LabPanel {
  // A loop, not map: every lab line of a bank comes through here.
  const results: LabResult[] = [];
  for (const field of section.fields) {
    const lab = findLabByLowercaseName(field.key);
    results.push({ field, name: field.key, lab, value: readLabValue(field, lab) });
  }
  const panel: LabPanel = { index, section, label: section.qualifier || 'initial', results };
  if (section.qualifier) panel.qualifier = section.qualifier;
  const time = readTimepoint(section.qualifier);
  if (time) panel.time = time;
  return panel;
}

function readSmear(section: SectionNode, index: number): SmearPanel {
  const fields = firstFieldByKey(section.fields, 'smear');
  const findings = fields.get('findings');
  const smear: SmearPanel = { index, section, label: section.qualifier || 'initial', findings: findings ? splitListValue(findings) : [] };
  const note = fields.get('note');
  if (note) smear.note = note;
  if (section.qualifier) smear.qualifier = section.qualifier;
  const time = readTimepoint(section.qualifier);
  if (time) smear.time = time;
  return smear;
}

/** The same qualifier, compared as duplicate qualifiers are: without case and extra spaces. */
export function qualifierIdentity(qualifier: string | undefined): string {
  return qualifier === undefined ? '' : qualifier.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** A smear goes with the labs panel of the same qualifier; the first of each wins a tie. */
function pairSmears(smears: SmearPanel[], panels: LabPanel[]): void {
  if (!smears.length || !panels.length) return;
  const panelByQualifier = new Map<string, LabPanel>();
  for (const panel of panels) {
    const id = qualifierIdentity(panel.qualifier);
    if (!panelByQualifier.has(id)) panelByQualifier.set(id, panel);
  }
  for (const smear of smears) {
    const panel = panelByQualifier.get(qualifierIdentity(smear.qualifier));
    if (!panel || panel.smear) continue;
    smear.panelIndex = panel.index;
    panel.smear = smear;
  }
}
