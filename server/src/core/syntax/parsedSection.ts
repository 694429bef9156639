// A section as the parser builds it: as a field (parsedField.ts), its positions are numbers and
// each range is made when read. Most sections' ranges are never read by `check`.
import { lineSpan, makeRange, type Range } from '../text';
import type { FieldNode, SectionKind, SectionNode, TextLine } from './syntaxTree';

export class ParsedSection implements SectionNode {
  readonly fields: FieldNode[] = [];
  readonly prose: TextLine[] = [];
  /** Where the section ends: its header's end until a line below it belongs to it. */
  private endLine: number;
  private endCharacter: number;

  /** `qualifierStart` is where the qualifier starts (-1 when there is none). */
  constructor(
    readonly name: string,
    readonly rawName: string,
    readonly kind: SectionKind,
    readonly qualifier: string | undefined,
    private readonly line: number,
    /** The header's last character that is not a blank. */
    private readonly headerEnd: number,
    private readonly nameStart: number,
    private readonly qualifierStart: number,
  ) {
    this.endLine = line;
    this.endCharacter = headerEnd;
  }

  get headerRange(): Range {
    return lineSpan(this.line, 0, this.headerEnd);
  }

  get nameRange(): Range {
    return lineSpan(this.line, this.nameStart, this.rawName.length);
  }

  get qualifierRange(): Range | undefined {
    if (this.qualifier === undefined) return undefined;
    return lineSpan(this.line, this.qualifierStart, this.qualifier.length);
  }

  get range(): Range {
    return makeRange(this.line, 0, this.endLine, this.endCharacter);
  }

  /** The section's last non-blank line, once it has ended (the parser's). */
  endAt(line: number, character: number): void {
    this.endLine = line;
    this.endCharacter = character;
  }
}
