import { z } from 'zod';
import { locales } from '../i18n/locale';
import { templateParts } from '../libraries/template-parts';
import { idSchema, ieFlagSchema } from './schemas';

// Schemas of the desk's own state (ui.*) and of templates (templates.*) in the contract.

/** A field path as the catalog writes it (`head.TradeMode`, `lines[3].CodeTS`). */
const fieldPathSchema = z
  .string()
  .regex(
    /^(head\.[A-Za-z][A-Za-z0-9]*|[a-z][A-Za-z]*\[\d{1,3}\]\.[A-Za-z][A-Za-z0-9]*)$/,
    'a field path such as head.TradeMode',
  );

export const declareConfirmations = ['always', 'warnings', 'never'] as const;
export type DeclareConfirmation = (typeof declareConfirmations)[number];

/**
 * Where the user was, so a crash or a closed window reopens there: the declaration open in the
 * editor and the field in it, the view, the language, and the list's columns as chosen; and the
 * broker's preferences for keying (whether 申报 asks first, whether goods lines compute their totals).
 */
export const uiStateSchema = z.object({
  declarationId: idSchema.nullable(),
  field: fieldPathSchema.nullable(),
  view: z.enum(['list', 'editor']),
  locale: z.enum(locales),
  listColumns: z.array(z.string().regex(/^[A-Za-z]{1,40}$/)).max(30),
  listPageSize: z.number().int().min(10).max(500),
  /** When 申报 asks first: always (the default), only when the checks left warnings, or never. */
  confirmDeclare: z.enum(declareConfirmations),
  /** Whether goods lines work out 申报总价/单价 and the legal quantities as the broker keys (never over typed values). */
  computeLines: z.boolean(),
});
export type UiState = z.infer<typeof uiStateSchema>;
/** Where a desk starts before anything was saved — main's default, and the renderer tests' fake answer. */
export const defaultUiState: UiState = {
  declarationId: null,
  field: null,
  view: 'list',
  locale: 'zh-CN',
  listColumns: [],
  listPageSize: 50,
  confirmDeclare: 'always',
  computeLines: true,
};
export const uiStatePatchSchema = uiStateSchema.partial().strict();

export const templateNameSchema = z.string().trim().min(1, 'a template name').max(60);

export const templateSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  ieFlag: ieFlagSchema,
  lineCount: z.number().int(),
  /** The parts of a declaration the template keeps (shared/libraries/template-parts.ts). */
  parts: z.array(z.enum(templateParts)),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TemplateSummary = z.infer<typeof templateSummarySchema>;
