// Every editor feature, one file each; server.ts announces their capabilities and registers them.
import type { Feature } from '../featureContext';
import { bankStatsFeature } from './bankStats';
import { checkBankFeature } from './checkBank';
import { caseIdsFeature } from './caseIds';
import { codeActionsFeature } from './codeActions';
import { completionFeature } from './completion';
import { diagnosticsFeature } from './diagnostics';
import { documentSymbolsFeature } from './documentSymbols';
import { foldingRangesFeature } from './foldingRanges';
import { formattingFeature } from './formatting';
import { hoverFeature } from './hover';
import { inlayHintsFeature } from './inlayHints';
import { previewFeature } from './preview';
import { workspaceSyncFeature } from './workspaceSync';

export const FEATURES: Feature[] = [
  diagnosticsFeature,
  workspaceSyncFeature,
  checkBankFeature,
  previewFeature,
  bankStatsFeature,
  hoverFeature,
  inlayHintsFeature,
  codeActionsFeature,
  completionFeature,
  documentSymbolsFeature,
  foldingRangesFeature,
  formattingFeature,
  caseIdsFeature,
];
