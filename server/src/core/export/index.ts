// The question exports by name: each takes the cases and returns files in memory.
import { exportAnki } from './anki';
import { caseKey, exportableQuestions } from './caseText';
import type { ExportCase, ExportFormat, ExportResult } from './exportTypes';
import { firstNamed } from '../util/lists';
import { exportGift } from './gift';
import { exportMoodleXml } from './moodleXml';
import { exportQti } from './qti';

export type { ExportCase, ExportFiles, ExportFormat, ExportResult } from './exportTypes';

export const QUESTION_EXPORTS: Readonly<Record<'moodle' | 'qti' | 'gift' | 'anki', ExportFormat>> = {
  moodle: exportMoodleXml,
  qti: exportQti,
  gift: exportGift,
  anki: exportAnki,
};

export type QuestionExportName = keyof typeof QUESTION_EXPORTS;

export const QUESTION_FORMATS = Object.keys(QUESTION_EXPORTS) as QuestionExportName[];

/** The cases' questions in a format; a case with no question to carry is named in a warning. */
export function exportQuestions(format: QuestionExportName, cases: readonly ExportCase[]): ExportResult {
  const result = QUESTION_EXPORTS[format](cases);
  const empty = cases.filter(({ analysis }) => !exportableQuestions(analysis).length).map(({ analysis }) => caseKey(analysis));
  if (empty.length) {
    result.warnings.unshift(`${empty.length === 1 ? 'this case has' : `these ${empty.length} cases have`} no questions, so nothing of ${empty.length === 1 ? 'it' : 'them'} is in the export: ${firstNamed(empty)}.`);
  }
  return result;
}
