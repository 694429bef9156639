// The case as meaning, built from the syntax tree: what each feature (checks, indices, the
// mechanism engine, the preview) reads. Every piece keeps the range it came from.
import type { LabDefinition, Sex, UnitDefinition } from '../catalog/labCatalog';
import type { Range } from '../text';
import type { CaseSyntax, FieldNode, SectionNode } from '../syntax/syntaxTree';
import type { ListItem } from '../util/lists';
import type { FieldLookup } from './fieldLookup';
import type { Question } from '../questions/questionModel';
import type { CaseImage } from '../images/imageModel';

export interface CaseModel {
  syntax: CaseSyntax;
  /** First occurrence of each header field (later duplicates are diagnosed). */
  header: FieldLookup;
  id?: string;
  idRange?: Range;
  title?: string;
  tags: readonly ListItem[];
  seeAlso: readonly ListItem[];
  patient: Patient;
  /**
   * First occurrence of each non-repeatable section, by name; for `labs`, the first panel in the
   * file; for `smear`, the primary smear (see `smearFindings`).
   */
  sections: Map<string, SectionNode>;
  panels: LabPanel[];
  /** Every `[smear]` section in file order, each paired with the labs panel of its qualifier. */
  smears: SmearPanel[];
  /**
   * Findings of the primary smear: the unqualified `[smear]`, else the first in the file.
   * `smears` has them all; `LabPanel.smear` has the one that goes with a labs panel.
   */
  smearFindings: readonly ListItem[];
  /** Marrow fields by key; an alias key (`ring-sideroblasts`) is stored under its key. */
  marrow: FieldLookup;
  answer: FieldLookup;
  /** The `[question]` items, in file order. */
  questions: Question[];
  /** Images of the case's own sections (smear, marrow, the prose sections), by section. */
  sectionImages: Map<SectionNode, CaseImage[]>;
  /** Every image: the sections', then each question's (stem, options, extra lines), in file order. */
  images: CaseImage[];
}

export interface Patient {
  age?: PatientAge;
  sex?: Sex;
}

export interface PatientAge {
  amount: number;
  unit: 'y' | 'mo' | 'wk' | 'd';
  days: number;
  range: Range;
}

export interface LabPanel {
  /** 0-based order in the file. */
  index: number;
  section: SectionNode;
  qualifier?: string;
  /** `initial` for an unqualified panel, else the qualifier as written. */
  label: string;
  /** Where the panel sits on the time axis, when its qualifier is `day N`, `week N`, … */
  time?: { unit: 'hour' | 'day' | 'week' | 'month'; amount: number; days: number };
  results: LabResult[];
  /** The smear with the same qualifier (unqualified with unqualified), if the case has one. */
  smear?: SmearPanel;
}

/** One `[smear]` or `[smear: qualifier]` section: a smear at one timepoint. */
export interface SmearPanel {
  /** 0-based order among the smears of the file. */
  index: number;
  section: SectionNode;
  qualifier?: string;
  /** `initial` for an unqualified smear, else the qualifier as written (as LabPanel.label). */
  label: string;
  time?: LabPanel['time'];
  /** The `findings:` list items, as written (compare lowercased). */
  findings: readonly ListItem[];
  note?: FieldNode;
  /** `LabPanel.index` of the labs panel with the same qualifier, if any. */
  panelIndex?: number;
}

export interface LabResult {
  field: FieldNode;
  /** The name as typed, lowercased. */
  name: string;
  lab?: LabDefinition;
  value: LabValue;
}

export type Comparator = '<' | '>' | '<=' | '>=';

export type LabValue =
  | {
      readonly kind: 'number';
      readonly comparator?: Comparator;
      readonly number: number;
      /** Made when read (model/labValue.ts): only a message about the value reads it. */
      readonly numberRange: Range;
      readonly unit?: string;
      /** Made when read, as numberRange. */
      readonly unitRange?: Range;
      readonly unitDefinition?: UnitDefinition;
      /** The value in the lab's canonical unit, when the unit is known. */
      readonly canonical?: number;
    }
  | { kind: 'word'; word: string; range: Range }
  | { kind: 'empty' }
  | { kind: 'invalid'; text: string; range: Range };
