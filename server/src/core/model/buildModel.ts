// Syntax tree → case model. Pure interpretation: it reports nothing; the checks say what is wrong.
import { findLabByLowercaseName } from '../catalog/labCatalog';
import type { CaseSyntax, FieldNode, SectionNode } from '../syntax/syntaxTree';
import { splitListValue } from '../util/lists';
import type { CaseModel, LabPanel, PatientAge } from './caseModel';
import { readLabValue } from './labValue';
import { readQuestions } from '../questions/questionModel';

const AGE = /^(\d+(?:\.\d+)?)[ \t]*(y|mo|wk|d)$/i;
const DAYS_PER_AGE_UNIT = { y: 365.25, mo: 365.25 / 12, wk: 7, d: 1 } as const;
const TIMEPOINT = /^(hour|day|week|month)[ \t]+([+-]?\d+(?:\.\d+)?)$/i;
const DAYS_PER_TIME_UNIT = { hour: 1 / 24, day: 1, week: 7, month: 365.25 / 12 } as const;

export function buildModel(syntax: CaseSyntax): CaseModel {
  const header = firstByKey(syntax.header);
  const sections = new Map<string, SectionNode>();
  for (const section of syntax.sections) if (!sections.has(section.name)) sections.set(section.name, section);

  const patientFields = firstByKey(sections.get('patient')?.fields ?? []);
  const sex = patientFields.get('sex')?.value.toLowerCase();
  const smearFindings = sections.get('smear')?.fields.find((f) => f.key === 'findings');

  const idField = header.get('case');
  const panels = syntax.sections.filter((s) => s.name === 'labs').map(readPanel);
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
    smearFindings: smearFindings ? splitListValue(smearFindings) : [],
    marrow: firstByKey(sections.get('marrow')?.fields ?? []),
    answer: firstByKey(sections.get('answer')?.fields ?? []),
    questions: readQuestions(syntax.sections, panels),
  };
}

function firstByKey(fields: FieldNode[]): Map<string, FieldNode> {
  const map = new Map<string, FieldNode>();
  for (const field of fields) if (!map.has(field.key)) map.set(field.key, field);
  return map;
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
  const panel: LabPanel = {
    index,
    section,
    label: section.qualifier || 'initial',
    results: section.fields.map((field) => {
      const lab = findLabByLowercaseName(field.key);
      return { field, name: field.key, lab, value: readLabValue(field, lab) };
    }),
  };
  if (section.qualifier) panel.qualifier = section.qualifier;
  const time = readTimepoint(section.qualifier);
  if (time) panel.time = time;
  return panel;
}
