// Reads one case file into a bank, turning what goes wrong with the file itself into
// diagnostics on that file (unreadable, too large, not UTF-8).
import { diagnostic, lineSpan, type CaseAnalysis, type CaseDiagnostic, type HeldDocument, type LeanCaseBank } from '../core';
import { readCaseFileSync } from '../node/readCaseFile';

export interface FileOutcome {
  problems: CaseDiagnostic[];
  /** The file's analysis, when it could be read (a lean bank does not keep it). */
  analysis?: CaseAnalysis;
}

export function readFile(file: string, bank: LeanCaseBank): FileOutcome {
  const read = readCaseFileSync(file);
  if (!read.ok) return { problems: [unreadable(read)] };
  return { analysis: bank.set(file, read.text), problems: read.invalidUtf8 ? [notUtf8()] : [] };
}

/** The same, without adding the file to the bank: what it would hold, for `bank.adopt` later. */
export function readHeld(file: string, bank: LeanCaseBank): { held?: HeldDocument; problems: CaseDiagnostic[] } {
  const read = readCaseFileSync(file);
  if (!read.ok) return { problems: [unreadable(read)] };
  return { held: bank.prepare(file, read.text).held, problems: read.invalidUtf8 ? [notUtf8()] : [] };
}

function unreadable(read: { problem: string; tooLarge?: boolean }): CaseDiagnostic {
  return diagnostic('error', read.tooLarge ? 'file-too-large' : 'unreadable-file', `This file could not be checked: ${read.problem}.`, lineSpan(0, 0, 0));
}

function notUtf8(): CaseDiagnostic {
  return diagnostic('warning', 'invalid-encoding', 'This file is not valid UTF-8; unreadable bytes are shown as �. Save it as UTF-8.', lineSpan(0, 0, 0));
}
