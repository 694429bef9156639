// LSP-shaped edits, declared here so the core needs nothing from the protocol packages.
import type { Range } from '../text';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface WorkspaceEdit {
  changes: Record<string, TextEdit[]>;
}
