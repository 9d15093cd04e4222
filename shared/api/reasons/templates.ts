import { reason } from './define';

type File = { file: string };
/**
 * Why a part of the file was refused: the field (its path in the file) and the reason it was refused for, carried
 * whole (`problem`, its key; `problemParams`, its parameters packed by nestedParams) so that it is worded in the UI
 * language in turn; `detail` is that reason's English, for support.
 */
type Refused = { field: string; problem: string; problemParams: string; detail: string };

/** Templates and their files. */
export const templateReasons = {
  'templates.not-found': reason<{ id: string }>(
    'NOT_FOUND',
    (p) => `Template ${p.id} does not exist (it may have been deleted)`,
  ),
  'templates.name-taken': reason<{ name: string }>(
    'CONFLICT',
    (p) => `There is already a template named "${p.name}"; choose another name`,
  ),
  'templates.none-to-export': reason('NOT_FOUND', () => 'There are no templates to export'),
  'templates.file-empty': reason<File>(
    'IMPORT_FAILED',
    (p) => `${p.file}: the file holds no templates; nothing was imported`,
  ),
  'templates.names-taken': reason<File & { names: string }>(
    'CONFLICT',
    (p) =>
      `${p.file}: templates named ${p.names} exist here already; import again to replace them, or rename them first. Nothing was imported`,
  ),
  'templates.name-exists': reason<{ name: string }>('CONFLICT', (p) => `"${p.name}" exists here already`),
  'templates.not-json': reason<File>(
    'IMPORT_FAILED',
    (p) => `${p.file}: this is not a templates file (it is not JSON); nothing was imported`,
  ),
  'templates.not-a-templates-file': reason<File & Refused>(
    'IMPORT_FAILED',
    (p, nested) =>
      `${p.file}: this is not a templates file (${p.field}: ${nested(p.problem, p.problemParams)}); nothing was imported`,
  ),
  'templates.bad-template': reason<File & Refused & { index: number; name: string }>(
    'IMPORT_FAILED',
    (p, nested) =>
      `${p.file}: template ${p.index} "${p.name}": ${p.field}: ${nested(p.problem, p.problemParams)}; nothing was imported`,
  ),
  'templates.duplicate-name': reason<File & { index: number; name: string }>(
    'IMPORT_FAILED',
    (p) =>
      `${p.file}: template ${p.index} "${p.name}": the file holds two templates of this name; nothing was imported`,
  ),
} as const;
