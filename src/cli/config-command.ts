// `thick config [command]`: the settings a run of that command would use, and where each value comes from.

import { visible } from '../report/format.js';
import { sourceName, type Settings, type Source } from './settings.js';
import { jsonText } from '../profile/record.js';

/** The origin of a value as `thick config` names it: default, the config file's path, THICK_X, or --x. */
function origin(source: Source, long: string): string {
  return source.kind === 'file' ? source.file.path : sourceName(source, long);
}

export function configJson(settings: Settings) {
  return {
    command: settings.command,
    file: settings.file?.path ?? null,
    inputs: settings.inputs,
    options: Object.fromEntries(settings.settings.map(({ option, value, source }) => [option.long, { value: value ?? null, from: origin(source, option.long) }])),
  };
}

const shown = (value: unknown): string => (value === undefined ? '(not set)' : Array.isArray(value) ? (value.length ? value.join(', ') : '(none)') : String(value));

/** One line per option: key, value, origin; values are the user's text, so control characters are made visible. */
export function configText(settings: Settings): string {
  const rows: [string, string, string][] = settings.settings.map(({ option, value, source }) => [option.long, visible(shown(value)), visible(origin(source, option.long))]);
  if (settings.inputs) rows.unshift(['inputs', visible(settings.inputs.join(', ')), visible(settings.file!.path)]);
  const keyWidth = Math.max(...rows.map(([key]) => key.length));
  // Long values (a list of paths) are not padded to: the origins of the others stay in one column.
  const valueWidth = Math.min(40, Math.max(...rows.map(([, value]) => value.length)));
  const lines = rows.map(([key, value, from]) => `  ${key.padEnd(keyWidth)}  ${value.padEnd(valueWidth)}  ← ${from}`);
  return `thick ${settings.command}: config file ${settings.file ? visible(settings.file.path) : 'none found'}\n${lines.join('\n')}\n`;
}

export function runConfig(settings: Settings, json: boolean): number {
  process.stdout.write(json ? `${jsonText(configJson(settings), 2)}\n` : configText(settings));
  return 0;
}
