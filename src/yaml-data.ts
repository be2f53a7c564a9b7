import { parseDocument } from 'yaml';

/**
 * YAML as data, for every file a user writes for thick (config, codebook, mapping). What the yaml package only warns
 * about (an unknown tag such as `!!js/function`, whose value it then keeps as plain text) is a mistake in such a
 * file: it is thrown like a syntax error (a YAMLError with its position), not printed as a Node warning.
 */
export function yamlData(text: string): unknown {
  const doc = parseDocument(text, { logLevel: 'silent' });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) throw problem;
  return doc.toJS();
}
