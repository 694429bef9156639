// The editor's statistics view: `casewright stats` over the server's bank. The statistics come
// from a few words kept per file (WorkspaceBank.facts), so closed files are never parsed again
// for them. While the view follows, changes to the bank (a file created, edited, renamed or
// deleted, casewright.json changed) are announced, a few times a second at most, and the view
// asks again.
import { renderStatsBody, summarizeBank } from '../../core';
import { BankStatsChangedNotification, BankStatsRequest, type BankStatsResult } from '../../protocol/customMessages';
import type { Feature } from '../featureContext';
import { runSafeAsync } from '../runner';

/** Changes within this time of the first are announced together: a burst of keystrokes is one refresh. */
export const STATS_CHANGE_DELAY_MS = 300;

export const bankStatsFeature: Feature = {
  capabilities: {},
  register(context) {
    let following = false;
    let timer: NodeJS.Timeout | undefined;
    // A throttle, not a debounce that restarts: a stream of changes (a bank loading, files
    // written one after another) still refreshes the view every STATS_CHANGE_DELAY_MS.
    const changed = () => {
      if (!following || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        if (!following) return;
        try {
          void context.connection.sendNotification(BankStatsChangedNotification, {}).catch(() => undefined);
        } catch {
          // The connection closed meanwhile: nobody is left to tell.
        }
      }, STATS_CHANGE_DELAY_MS);
      timer.unref?.();
    };
    context.workspace.onDidChange(changed);
    // An edit reaches the bank when its diagnostics are made; with checking turned off it would
    // not, so an edit counts as a change by itself (the request analyses open documents).
    context.documents.onDidChangeContent(changed);

    const empty = summarizeBank([]);
    const fallback: BankStatsResult = { stats: empty, html: renderStatsBody(empty) };
    context.connection.onRequest(BankStatsRequest, (params, token) => runSafeAsync<BankStatsResult>(context.connection, 'bank statistics', fallback, token, async () => {
      following = params?.follow === true;
      if (!following && timer) clearTimeout(timer);
      await context.workspace.ready;
      const stats = context.workspace.stats();
      // Changes made so far are in these statistics (stats() analyses open documents, which
      // itself counts as a change): nothing to announce for them.
      if (timer) clearTimeout(timer);
      timer = undefined;
      const result: BankStatsResult = { stats, html: renderStatsBody(stats, { openLinks: true }) };
      const configFile = context.workspace.config?.file;
      if (configFile) result.configFile = configFile;
      return result;
    }));
  },
};

