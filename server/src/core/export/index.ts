// The question exports by name: each takes the cases and returns files in memory.
import { exportAnki } from './anki';
import type { ExportFormat } from './exportTypes';
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
