// Every editor feature, one file each; server.ts announces their capabilities and registers them.
import type { Feature } from '../featureContext';
import { checkBankFeature } from './checkBank';
import { diagnosticsFeature } from './diagnostics';
import { previewFeature } from './preview';
import { workspaceSyncFeature } from './workspaceSync';

export const FEATURES: Feature[] = [
  diagnosticsFeature,
  workspaceSyncFeature,
  checkBankFeature,
  previewFeature,
];
