// `[question: after …]` sections → question items. Pure interpretation, like buildModel: what
// is missing or wrong is said by questionChecks, not here. Every piece keeps its range.
import type { CaseModel, LabPanel } from '../model/caseModel';
import { fieldImage, type CaseImage } from '../images/imageModel';
import type { FieldNode, SectionNode } from '../syntax/syntaxTree';
import { makeRange, type Range } from '../text';

export type QuestionType = 'single' | 'multiple' | 'numeric' | 'short' | 'ordering';
export const QUESTION_TYPES: readonly QuestionType[] = ['single', 'multiple', 'numeric', 'short', 'ordering'];

/** The stages of a case in the order the preview reveals them. */
export type StageName = 'history' | 'exam' | 'labs' | 'smear' | 'marrow' | 'course';
export const STAGE_NAMES: readonly StageName[] = ['history', 'exam', 'labs', 'smear', 'marrow', 'course'];

export interface QuestionOption {
  /** The option's text without the `* ` key marker. */
  text: string;
  correct: boolean;
  feedback?: string;
  field: FieldNode;
  /** Where the text (after the marker) is. */
  textRange: Range;
  /** An `image:` directly below the option (or its feedback). */
  image?: CaseImage;
}

export interface QuestionStage {
  /** As written after `after` (`labs day 3`). */
  text: string;
  range: Range;
  name?: StageName;
  /** For `after labs …`: the qualifier of the panel (empty for the unqualified panel). */
  panelQualifier?: string;
  /** The labs panel the stage names, when it names one that exists. */
  panel?: LabPanel;
  /** Words after a stage other than labs (`after history and exam`): not a stage; checks say so. */
  extra?: string;
}

export interface Question {
  section: SectionNode;
  /** 0-based position among the case's questions. */
  ordinal: number;
  /** The `id` field, or `q1`, `q2`, … by position. */
  id: string;
  type?: QuestionType;
  /** Undefined for `[question]` without a qualifier: asked at the end of the case. */
  stage?: QuestionStage;
  stem?: FieldNode;
  options: QuestionOption[];
  /** Feedback lines that follow no option. */
  strayFeedback: FieldNode[];
  answers: FieldNode[];
  tolerance?: number;
  unit?: string;
  asks?: string;
  explanation?: string;
  points: number;
  tags: string[];
  objectives: string[];
  /** The picture shown with the stem: the first `image:` that belongs to no option. */
  image?: CaseImage;
  /** `image:` lines beyond the stem's one and one per option: not shown (a check says so). */
  extraImages: CaseImage[];
  negativeMarked: boolean;
  /** First occurrence of every non-repeatable field. */
  fields: Map<string, FieldNode>;
}

const KEY_MARKER = /^\*[ \t]+/;
const STAGE = /^(?:after[ \t]+)?([A-Za-z]+)(?:[ \t]+(.*))?$/i;

export function readQuestions(sections: readonly SectionNode[], panels: readonly LabPanel[]): Question[] {
  const questions: Question[] = [];
  for (const section of sections) if (section.name === 'question') questions.push(readQuestion(section, questions.length, panels));
  return questions;
}

function readQuestion(section: SectionNode, ordinal: number, panels: readonly LabPanel[]): Question {
  const fields = new Map<string, FieldNode>();
  const options: QuestionOption[] = [];
  const strayFeedback: FieldNode[] = [];
  const answers: FieldNode[] = [];
  const objectives: string[] = [];
  let hasImages = false;
  for (const field of section.fields) {
    if (field.key === 'option') options.push(readOption(field));
    else if (field.key === 'answer') answers.push(field);
    else if (field.key === 'objective') { if (field.value) objectives.push(field.value); }
    else {
      if (field.key === 'image' || field.key === 'alt') hasImages = true;
      if (field.key !== 'feedback' && !fields.has(field.key)) fields.set(field.key, field);
    }
  }
  // The first `id` field, even an empty one, names the question (as `fields` keeps the first).
  const id = fields.get('id')?.value || `q${ordinal + 1}`;
  // Most questions have no picture: then there is nothing to pair with their options.
  const images = hasImages ? readImages(section, id) : NO_IMAGES;
  attachToOptions(section, options, strayFeedback, images.byOption);
  const type = valueOf(fields, 'type')?.toLowerCase();
  const tags = valueOf(fields, 'tags');
  return {
    section,
    ordinal,
    id,
    type: (QUESTION_TYPES as readonly string[]).includes(type ?? '') ? type as QuestionType : undefined,
    stage: section.qualifier ? readStage(section, panels) : undefined,
    stem: fields.get('stem'),
    options,
    strayFeedback,
    answers,
    tolerance: numberOf(valueOf(fields, 'tolerance')),
    unit: valueOf(fields, 'unit'),
    asks: valueOf(fields, 'asks')?.toLowerCase(),
    explanation: valueOf(fields, 'explanation'),
    points: numberOf(valueOf(fields, 'points')) ?? 1,
    tags: tags ? tags.split(',').map((t) => t.trim()).filter(Boolean) : [],
    objectives,
    image: images.stem,
    extraImages: hasImages ? images.extra : [],
    negativeMarked: valueOf(fields, 'negative')?.toLowerCase() === 'yes',
    fields,
  };
}

/** A field's value, undefined when the field is missing or empty. */
function valueOf(fields: ReadonlyMap<string, FieldNode>, key: string): string | undefined {
  return fields.get(key)?.value || undefined;
}

interface QuestionImages {
  stem?: CaseImage;
  byOption: ReadonlyMap<FieldNode, CaseImage>;
  extra: CaseImage[];
}

/** What a question without `image:` or `alt:` lines has (shared: nothing in it is ever changed). */
const NO_IMAGES: QuestionImages = { byOption: new Map(), extra: [] };

/**
 * `feedback:` and `image:` right below an option (the other in between) belong to it; an
 * `alt:` right below an image is its text. The first other image is the stem's; a loose `alt:`
 * goes to the stem's image when it has none (the stem's image may stand anywhere).
 */
function readImages(section: SectionNode, id: string): QuestionImages {
  const byOption = new Map<FieldNode, CaseImage>();
  const extra: CaseImage[] = [];
  let stem: CaseImage | undefined;
  let option: FieldNode | undefined;
  let optionNumber = 0;
  let last: CaseImage | undefined;
  let looseAlt: string | undefined;
  for (const field of section.fields) {
    if (field.key === 'option') {
      option = field;
      optionNumber++;
      last = undefined;
    } else if (field.key === 'image') {
      if (option) {
        last = fieldImage(field, `option ${optionNumber} of question ${id}`);
        if (byOption.has(option)) extra.push(last);
        else byOption.set(option, last);
      } else if (!stem) {
        last = stem = fieldImage(field, `question ${id}`);
        option = undefined;
      } else {
        last = fieldImage(field, `question ${id}`);
        extra.push(last);
      }
    } else if (field.key === 'alt') {
      if (last && last.alt === undefined) last.alt = field.value || undefined;
      else if (field.value && looseAlt === undefined) looseAlt = field.value;
      last = undefined;
    } else {
      // Feedback keeps the option open for its image; any other field closes it.
      if (field.key !== 'feedback') option = undefined;
      last = undefined;
    }
  }
  if (stem && stem.alt === undefined) stem.alt = looseAlt;
  return { stem, byOption, extra };
}

/** Feedback and images go to the option above them, past the option's own image lines. */
function attachToOptions(section: SectionNode, options: QuestionOption[], strayFeedback: FieldNode[], images: ReadonlyMap<FieldNode, CaseImage>): void {
  let current: QuestionOption | undefined;
  let index = 0;
  for (const field of section.fields) {
    if (field.key === 'option') {
      current = options[index++];
      current.image = images.get(field);
    } else if (field.key === 'feedback') {
      if (current && current.feedback === undefined) current.feedback = field.value;
      else strayFeedback.push(field);
    } else if (field.key !== 'image' && field.key !== 'alt') {
      current = undefined;
    }
  }
}

function readOption(field: FieldNode): QuestionOption {
  const marker = KEY_MARKER.exec(field.value);
  const skip = marker ? marker[0].length : 0;
  const start = field.valueRange.start;
  return {
    text: field.value.slice(skip),
    correct: marker !== null,
    field,
    textRange: makeRange(start.line, start.character + skip, field.valueRange.end.line, field.valueRange.end.character),
  };
}

function readStage(section: SectionNode, panels: readonly LabPanel[]): QuestionStage {
  const text = section.qualifier!;
  const stage: QuestionStage = { text, range: section.qualifierRange ?? section.headerRange };
  const match = STAGE.exec(text.trim());
  const name = match?.[1].toLowerCase();
  if (!match || !(STAGE_NAMES as readonly string[]).includes(name!)) return stage;
  stage.name = name as StageName;
  if (stage.name !== 'labs' && match[2]?.trim()) stage.extra = match[2].trim();
  if (stage.name === 'labs') {
    const qualifier = normalize(match[2] ?? '');
    stage.panelQualifier = qualifier;
    stage.panel = panels.find((p) => normalize(p.qualifier ?? '') === qualifier);
  }
  return stage;
}

function normalize(text: string): string {
  return text.trim().toLowerCase().replace(/[ \t]+/g, ' ');
}

/** A plain decimal number (`0.84`, `-2`, `.5`), else undefined. */
/** Every image a question shows: its stem's, then its options' (not `extraImages`, which are not shown). */
export function questionImages(question: Question): CaseImage[] {
  const images = question.image ? [question.image] : [];
  for (const option of question.options) if (option.image) images.push(option.image);
  return images;
}

export function numberOf(text: string | undefined): number | undefined {
  if (text === undefined || !/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(text.trim())) return undefined;
  return Number(text.trim());
}

/** The labs panels a student has seen when the question is asked (all of them at the end). */
export function panelsRevealedBy(question: Question, panels: readonly LabPanel[]): readonly LabPanel[] {
  const stage = question.stage;
  if (!stage?.name) return panels;
  if (stage.name === 'history' || stage.name === 'exam') return [];
  if (stage.name === 'labs') return stage.panel ? panels.slice(0, panels.indexOf(stage.panel) + 1) : panels;
  return panels;
}

/** The question a `[question]` section holds (undefined for any other section). */
export function questionIn(model: Pick<CaseModel, 'questions'>, section: SectionNode | undefined): Question | undefined {
  return section ? model.questions.find((q) => q.section === section) : undefined;
}

/** The stages this case has, as a question's qualifier names them, in the order they are revealed. */
export function stagesPresent(model: Pick<CaseModel, 'sections' | 'panels'>): string[] {
  const stages: string[] = [];
  for (const name of STAGE_NAMES) {
    if (name === 'labs') for (const p of model.panels) stages.push(p.qualifier ? `after labs ${p.qualifier}` : 'after labs');
    else if (model.sections.has(name)) stages.push(`after ${name}`);
  }
  return stages;
}
