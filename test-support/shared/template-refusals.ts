/**
 * What main sends when a templates file's second template, 坏的, has no parts: checked against a real file in
 * main/core/templates/template-files.test.ts and worded in renderer/i18n/reasons/file-problems.test.ts, so the two
 * sides of the contract are tested on the same parameters.
 */
export const templateWithoutParts = {
  file: 'bad.swtpl.json',
  index: 2,
  name: '坏的',
  field: 'parts',
  problem: 'input.too-small',
  problemParams: '{"origin":"array","minimum":1,"bound":"inclusive"}',
} as const;
