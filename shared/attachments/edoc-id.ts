// The 随附单据编号 (EdocID) is the file's name in the message and in the e-port client's OutBox. The rule
// (docs/attachments.md): 申报地海关 (4 digits) + 随附单据类别代码 (8) + "IM" + an 18-digit serial + ".pdf".

const EDOC_ID = /^(\d{4})(\d{8})IM(\d{18})\.pdf$/;

export function edocIdFor(customsCode: string, edocCode: string, serial: string): string {
  if (!/^\d{4}$/.test(customsCode)) throw new Error(`申报地海关 must be 4 digits, not "${customsCode}"`);
  if (!/^\d{8}$/.test(edocCode)) throw new Error(`随附单据类别 must be 8 digits, not "${edocCode}"`);
  if (!/^\d{18}$/.test(serial)) throw new Error(`the serial must be 18 digits, not ${serial}`);
  return `${customsCode}${edocCode}IM${serial}.pdf`;
}

/** The parts of an EdocID made by the rule, or null. */
export function parseEdocId(edocId: string): { customsCode: string; edocCode: string; serial: string } | null {
  const m = EDOC_ID.exec(edocId);
  return m ? { customsCode: m[1] ?? '', edocCode: m[2] ?? '', serial: m[3] ?? '' } : null;
}

/**
 * The 18-digit serial of the nth file attached on a China date: the date (yyyyMMdd) and a 10-digit count, so
 * serials sort by day and never repeat on this desk.
 */
export function edocSerial(chinaDate: string, count: number): string {
  const day = chinaDate.replace(/-/g, '');
  if (!/^\d{8}$/.test(day)) throw new Error(`not a date: ${chinaDate}`);
  return `${day}${String(count).padStart(10, '0')}`;
}

/** The original file name as EdocCopId holds it (64 characters at most, the extension kept). */
export function edocCopId(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  if (base.length <= 64) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 8 ? base.slice(dot) : '';
  return base.slice(0, 64 - ext.length) + ext;
}
