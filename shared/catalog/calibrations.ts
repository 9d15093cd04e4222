/**
 * Where the catalog departs from the transcription of the import spec (decmessage-fields.tsv),
 * because what real systems send and the single window takes says otherwise. Each one is
 * recorded with its evidence in docs/calibrations.md; the catalog test holds the catalog to the
 * spec everywhere else.
 */
export interface SpecCalibration {
  /** `<section>/<element>` as decmessage-fields.tsv names them. */
  element: string;
  /** The spec's length, and ours. */
  specLength: number;
  length: number;
}

export const specCalibrations: readonly SpecCalibration[] = [
  // Real messages carry the 10-character 海关编码; the 9 is the old 组织机构代码 (both accepted).
  { element: 'DecHead/CopCode', specLength: 9, length: 10 },
  // 预录入编号 is 18 digits (关区 + year + I/E + serial) as the filling rules define it.
  { element: 'DecHead/PreEntryId', specLength: 9, length: 18 },
  // The single window has taken a broker system's 20-character ClientSeqNo.
  { element: 'DecSign/ClientSeqNo', specLength: 18, length: 20 },
];
