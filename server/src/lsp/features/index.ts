// Every editor feature, one file each; server.ts announces their capabilities and registers them.
import type { Feature } from '../featureContext';
import { checkBankFeature } from './checkBank';
import { codeActionsFeature } from './codeActions';
import { completionFeature } from './completion';
import { diagnosticsFeature } from './diagnostics';
import { hoverFeature } from './hover';
import { inlayHintsFeature } from './inlayHints';
import { navigationFeature } from './navigation';
import { previewFeature } from './preview';
import { workspaceSyncFeature } from './workspaceSync';

export const FEATURES: Feature[] = [
  diagnosticsFeature,
  workspaceSyncFeature,
  checkBankFeature,
  previewFeature,
  hoverFeature,
  inlayHintsFeature,
  codeActionsFeature,
  completionFeature,
  navigationFeature,
];
