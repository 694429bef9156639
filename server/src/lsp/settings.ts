// Reads the `casewright.*` settings from whatever the client sent, defaulting what is missing
// or malformed: a bad setting must never stop the server.
import { DEFAULT_SETTINGS, type CasewrightSettings } from '../protocol/customMessages';

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

export function readSettings(raw: unknown): CasewrightSettings {
  const section = isObject(raw) ? raw : {};
  const validate = isObject(section.validate) ? section.validate : {};
  const hints = isObject(section.inlayHints) ? section.inlayHints : {};
  const rules: CasewrightSettings['rules'] = {};
  if (isObject(section.rules)) {
    for (const [code, level] of Object.entries(section.rules)) if (typeof level === 'string' && SEVERITIES.has(level)) rules[code] = level as CasewrightSettings['rules'][string];
  }
  return {
    validate: {
      enable: typeof validate.enable === 'boolean' ? validate.enable : DEFAULT_SETTINGS.validate.enable,
      delay: typeof validate.delay === 'number' && validate.delay >= 0 && validate.delay <= 10_000 ? validate.delay : DEFAULT_SETTINGS.validate.delay,
    },
    inlayHints: {
      rpi: typeof hints.rpi === 'boolean' ? hints.rpi : DEFAULT_SETTINGS.inlayHints.rpi,
      conversions: typeof hints.conversions === 'boolean' ? hints.conversions : DEFAULT_SETTINGS.inlayHints.conversions,
    },
    rules,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
