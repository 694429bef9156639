import type { Range } from '../text';

/**
 * `key: value`, possibly continued on indented lines below it. Read-only: the parser alone
 * builds it. Its ranges and value lines are made each time they are read (syntax/parsedField.ts);
 * the numbers below give the usual positions without making any.
 */
export interface FieldNode {
  /** Lowercased key: keys are case-insensitive. */
  readonly key: string;
  /** The key as typed. */
  readonly rawKey: string;
  /** The line of the key: the field's first line (`keyRange.start.line`, `range.start.line`). */
  readonly line: number;
  readonly keyRange: Range;
  /** The value with continuation lines joined by single spaces, trimmed. */
  readonly value: string;
  /** From the first to the last character of the value (empty range after the colon if none). */
  readonly valueRange: Range;
  /** `valueRange.start.line`. */
  readonly valueLine: number;
  /** `valueRange.start.character`. */
  readonly valueCharacter: number;
  /** Each physical line of the value with its exact range. */
  readonly valueLines: readonly TextLine[];
  /** `valueLines.length`. */
  readonly valueLineCount: number;
  /**
   * Visits each physical line of the value, as `valueLines` lists them, with the line and
   * character where it starts, making no range: for readers that need only where each starts.
   */
  forEachValueLine(visit: (text: string, line: number, character: number) => void): void;
  /** The whole field, key through the last continuation line. */
  readonly range: Range;
}

export interface TextLine {
  text: string;
  range: Range;
}

export type SectionKind = 'fields' | 'prose' | 'unknown';

/** A `[name]` or `[name: qualifier]` section. Its ranges are made when read (syntax/parsedSection.ts). */
export interface SectionNode {
  /** Lowercased name: `[Labs: Day 7]` → `labs`. */
  readonly name: string;
  readonly rawName: string;
  readonly qualifier?: string;
  readonly qualifierRange?: Range;
  readonly nameRange: Range;
  /** The `[…]` header line. */
  readonly headerRange: Range;
  /** Header through the last non-blank line of the section. */
  readonly range: Range;
  readonly kind: SectionKind;
  readonly fields: FieldNode[];
  /** Prose lines (prose sections and unknown sections). */
  readonly prose: TextLine[];
}

export interface CaseSyntax {
  /** Fields before the first section. */
  header: FieldNode[];
  sections: SectionNode[];
  /** Ranges of comment lines. */
  comments: Range[];
  /** The document's lines, for features that need the raw text. */
  lines: string[];
}
