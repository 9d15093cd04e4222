import { findCodeTable } from '../code-tables/tables';
import type { Templates } from './message-types';

const kindEn: Record<string, string> = { freight: 'freight', insurance: 'insurance', other: 'other charges' };
const ieEn = (ie: unknown) => (ie === 'E' ? 'an export' : 'an import');
const tableEn = (id: unknown) => findCodeTable(String(id))?.en.toLowerCase() ?? 'code';

/** English messages: name the field, say what is wrong and how to fix it. */
export const enTemplates: Templates = {
  required: (_p, f) => `${f}: required — please fill it in`,
  'unpaired-surrogate': (_p, f) =>
    `${f}: holds a character that cannot be stored (an unpaired surrogate, usually from a paste); delete it and type it again`,
  'too-long': (p, f) => `${f}: longer than ${p.max} bytes (now ${p.actual}; a Chinese character counts 2) — shorten it`,
  'too-large': (p, f) =>
    `${f}: the attachment is larger than ${p.max} bytes (now ${p.actual}) — compress it or use a smaller file`,
  'decimal-format': (p, f) =>
    p.negative
      ? `${f}: cannot be negative — enter 0 or a positive number`
      : `${f}: must be a number with at most ${Number(p.digits) - Number(p.decimals)} integer and ${p.decimals} decimal digits`,
  'integer-format': (p, f) =>
    p.negative ? `${f}: cannot be negative — enter 0 or a positive whole number` : `${f}: must be a whole number`,
  'base64-format': (_p, f) => `${f}: the attachment must be base64 — upload it again`,
  'date-format': (p, f) =>
    `${f}: the date must be ${p.pattern ?? 'yyyyMMdd'}, e.g. ${p.pattern === 'yyyy-MM-dd' ? '2026-01-31' : '20260131'}`,
  'customs-code-format': (_p, f) => `${f}: must be a 10-character customs code (digits or capital letters)`,
  'owner-code-format': (_p, f) => `${f}: must be a 10-character customs code, a 9-character organisation code or NO`,
  'cop-code-format': (_p, f) =>
    `${f}: a 10-character customs code or a 9-character organization code (digits and capital letters)`,
  'uscc-format': (_p, f) =>
    `${f}: a unified social credit code has 18 characters (digits and capitals except I, O, S, V, Z)`,
  'uscc-check-digit': (_p, f) =>
    `${f}: the check character of this unified social credit code is wrong — check for a typo`,
  'ciq-code-format': (_p, f) => `${f}: an inspection (CIQ) code has 10 digits`,
  'hs-code-format': (_p, f) => `${f}: an HS code has 10 digits`,
  'ciq-sub-code-format': (_p, f) => `${f}: the CIQ code has 3 digits (13 with the HS code)`,
  'container-no-format': (_p, f) => `${f}: a container number is 4 letters and 7 digits (e.g. CSQU3054383)`,
  'container-check-digit': (p, f) =>
    `${f}: the check digit is wrong (ISO 6346 gives ${p.expected}) — check the container number`,
  'gno-list-format': (_p, f) => `${f}: list line numbers separated by commas, e.g. 1,3`,
  'promise-items-format': (_p, f) => `${f}: five positions of 1 (yes), 0 (no) or 9 (blank), e.g. 00099`,
  format: (_p, f) => `${f}: the format is wrong — check it`,
  'unknown-code': (p, f) =>
    `${f}: code "${p.value}" is not in the ${tableEn(p.table)} table you have — choose one from the table`,
  'hs-code-retired': (p, f) =>
    `${f}: HS code ${p.value} no longer exists in the current tariff (it was split) — use ${p.successors}`,
  'code-not-yet-valid': (p, f) => `${f}: code "${p.value}" is valid only from ${p.from} — choose a code in force`,
  'code-expired': (p, f) => `${f}: code "${p.value}" expired on ${p.until} — choose a code in force`,
  'code-retired': (p, f) => `${f}: code "${p.value}" has been withdrawn (${p.status}) — choose a code in force`,
  'code-legacy': (p, f) =>
    `${f}: code "${p.value}" appears only in an older code table — check it is still in force before declaring`,
  'single-block': (_p, f) => `${f}: this block appears once — remove the extra one`,
  'two-step-mode': (p, f) =>
    `${f}: its third position must be ${p.expected} (5 summary declaration, 6 complete declaration, blank one step); ` +
    'choose the matching step of the two-step declaration',
  'no-lines': (_p, f) => `${f}: add at least one goods line before declaring`,
  'gno-sequence': (p, f) => `${f}: should be ${p.expected} (lines are numbered 1, 2, 3 …) — reorder the lines`,
  'too-many-lines': (p, f) =>
    `${f}: a declaration holds at most ${p.max} lines (now ${p.actual}) — split it into several declarations`,
  'goods-no-unknown': (p, f) => `${f}: line ${p.missing} does not exist (the declaration has ${p.count} lines)`,
  'no-parent-row': (_p, f) =>
    `${f}: this row belongs to no goods line or licence — check the line number and licence details`,
  'weight-not-positive': (_p, f) => `${f}: must be more than 0`,
  'weight-below-one': (_p, f) => `${f}: under 1 kg is declared as 1`,
  'gross-below-net': (p, f) => `${f}: the gross weight (${p.gross}) cannot be less than the net weight (${p.net})`,
  'pack-no-min': (_p, f) => `${f}: at least 1 package; bulk goods count 1`,
  'total-mismatch': (p, f) =>
    `${f}: the total ${p.total} does not match unit price × quantity (about ${p.expected}) — check price, quantity or total`,
  'first-qty-differs': (p, f) =>
    `${f}: the deal unit is the first legal unit, so the first legal quantity should equal the quantity ${p.qty}`,
  'second-qty-required': (p, f) =>
    `${f}: ${p.code ? `HS code ${p.code} has a second legal unit (${p.unit})` : 'a second legal unit is given'} — enter the second legal quantity`,
  'second-unit-required': (p, f) =>
    `${f}: ${p.code ? `the second legal unit of HS code ${p.code} is ${p.expected}` : 'a second legal quantity is given'} — enter the second legal unit`,
  'legal-unit-mismatch': (p, f) =>
    `${f}: the first legal unit of HS code ${p.code} is ${p.expected}, not ${p.value} — change it to ${p.expected}`,
  'second-unit-mismatch': (p, f) =>
    `${f}: the second legal unit of HS code ${p.code} is ${p.expected}, not ${p.value} — change it to ${p.expected}`,
  'second-unit-not-allowed': (p, f) => `${f}: HS code ${p.code} has no second legal unit — clear it`,
  'second-qty-not-allowed': (p, f) =>
    `${f}: HS code ${p.code} has no second legal unit — clear the second legal quantity`,
  'gmodel-required': (p, f) => `${f}: fill in the declaration elements of HS code ${p.code}: ${p.elements}`,
  'gmodel-too-many': (p, f) =>
    `${f}: HS code ${p.code} has ${p.count} declaration elements but ${p.actual} values are given (separated by |) — remove the extra ones`,
  'gmodel-too-few': (p, f) =>
    `${f}: HS code ${p.code} has ${p.count} declaration elements, only ${p.actual} are given; missing: ${p.missing}`,
  'gmodel-brand-type': (p, f) =>
    `${f}: element ${p.position} (brand type) must be 0 no brand, 1 domestic own, 2 domestic acquired, 3 foreign (OEM) or 4 foreign (other)`,
  'gmodel-export-preference': (p, f) => `${f}: element ${p.position} (export preference) must be 0, 1, 2 or 3`,
  'gmodel-import-preference': (p, f) =>
    `${f}: on an import, element ${p.position} (export preference) is 3 (not applicable)`,
  'freight-not-allowed': (p, f) => `${f}: ${ieEn(p.ie)} at ${p.transName} declares no freight — clear the freight`,
  'freight-required': (p, f) =>
    `${f}: ${ieEn(p.ie)} at ${p.transName} must declare freight (mark, rate or amount, currency)`,
  'insurance-not-allowed': (p, f) =>
    `${f}: ${ieEn(p.ie)} at ${p.transName} declares no insurance — clear the insurance`,
  'insurance-required': (p, f) =>
    `${f}: ${ieEn(p.ie)} at ${p.transName} must declare insurance (mark, rate or amount, currency)`,
  'fee-mark-required': (p, f) =>
    `${f}: a ${kindEn[String(p.kind)] ?? ''} rate or amount is given — choose its mark (1 rate, 3 total${p.kind === 'freight' ? ', 2 per tonne' : ''})`,
  'fee-rate-required': (p, f) => `${f}: a ${kindEn[String(p.kind)] ?? ''} mark is chosen — enter the rate or amount`,
  'fee-currency-required': (p, f) => `${f}: ${kindEn[String(p.kind)] ?? ''} given as an amount needs a currency`,
  'manual-no-required': (p, f) =>
    `${f}: supervision mode ${p.tradeMode} is processing trade — enter the manual or account book number`,
  'manual-no-kind': (p, f) =>
    `${f}: supervision mode ${p.tradeMode} is processing trade, but ${p.value} does not look like a manual/account book number (B, C, D, E or H) — check it`,
  'contr-item-required': (p, f) => `${f}: goods declared against record ${p.manualNo} need their item number in it`,
  'processing-levy': (p, f) =>
    `${f}: supervision mode ${p.tradeMode} usually has levy nature ${p.expected} (now ${p.value}) — check the manual`,
  'levy-for-processing-only': (p, f) =>
    `${f}: levy nature ${p.value} is for processing trade only and does not fit supervision mode ${p.tradeMode}`,
  'general-levy-duty': (p, f) =>
    `${f}: with levy nature 101 (general duty) the duty mode is 1 (duty as assessed), not ${p.value}`,
  'duty-mode-needs-levy': (p, f) => `${f}: line ${p.line} has duty mode 5 (per levy nature) — enter the levy nature`,
  'ciq-code-required': (p, f) =>
    `${f}: HS code ${p.code} is subject to inspection (condition ${p.condition}) — enter the 3-digit CIQ code`,
  'licence-required': (p, f) =>
    `${f}: HS code ${p.code} needs licence ${p.condition}${p.name ? ` (${p.name})` : ''} — add it to the licence documents`,
  'licence-check': (p, f) =>
    `${f}: HS code ${p.code} has condition ${p.condition} — check whether a licence document is needed (import the official licence-code table to decide automatically)`,
  'country-swap-suspect': (p, f) =>
    p.ie === 'E'
      ? `${f}: on an export OriginCountry carries the destination and DestinationCountry the origin; ${p.origin} / ${p.destination} looks the wrong way round`
      : `${f}: on an import OriginCountry is the origin and DestinationCountry the destination; ${p.origin} / ${p.destination} looks swapped as for an export`,
  'edoc-id-format': (_p, f) =>
    `${f}: the file name should be port (4) + document type (8) + 2 letters + 18-digit serial + .pdf`,
  'edoc-missing': (p, f) => `${f}: a paperless declaration needs the ${p.nameEn ?? p.name} (${p.code}) attached`,
  'date-in-future': (p, f) => `${f}: the import date cannot be after today (${p.today})`,
  'promise-direction': (p, f) => `${f}: ${p.expected === '101040' ? 'an import uses 101040' : 'an export uses 102053'}`,
};
