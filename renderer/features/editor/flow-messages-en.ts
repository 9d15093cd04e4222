import type { FlowMessages, KeyedField } from './flow-messages-zh';

// The wording of the keying day's aids in English.

const keyedFieldsEn: Record<KeyedField, string> = {
  name: 'name',
  nameEn: 'English name',
  code: 'customs code',
  uscc: 'USCC',
  ciq: 'CIQ code',
};

export const flowEn: FlowMessages = {
  confirmTitle: 'Declare?',
  confirmBody: (seq, warnings) =>
    warnings === 0
      ? `Declaration ${seq} has no errors and no warnings. Sign and queue it?`
      : `Declaration ${seq} has no errors but ${warnings} warning${warnings === 1 ? '' : 's'}; confirm you have checked:`,
  confirmMore: (n) => `…and ${n} more (see the check results)`,
  confirmDeclare: 'Declare (Enter)',
  confirmBack: 'Back to editing (Esc)',
  confirmSetting: 'Before declaring',
  confirmAlways: 'Always ask',
  confirmWarnings: 'Ask only when there are warnings',
  confirmNever: 'Never ask (F9 declares at once)',
  computeSetting: 'Goods amounts and quantities',
  computeLines:
    'Work out the total from quantity × unit price (or the unit price from total ÷ quantity), and the legal quantities ' +
    'from the quantity when the units are the same; never over a value typed by hand',
  sameAbove: 'Same as above',
  sameAboveLabel: (ieFlag) =>
    `Same as above: copy the domestic consignee/consignor into the ${ieFlag === 'E' ? 'producer' : 'consumer'}`,
  sameAsTrade: (ieFlag) =>
    `Copied the domestic consignee/consignor into the ${ieFlag === 'E' ? 'producer' : 'consumer'}`,
  billNoElsewhere: (bill, seqs) =>
    `B/L no. ${bill} is already on declaration ${seqs}; make sure this is not declared twice`,
  declarationStatus: (seq, status) => `${seq} (${status})`,
  carried: (label, from) => `${label} comes from ${from}; check it against this shipment`,
  fromTemplate: (name) => `template “${name}”`,
  fromCopy: (seq) => `the copied declaration ${seq}`,
  requiredLeft: (n) => `${n} required field${n === 1 ? '' : 's'} to fill`,
  requiredMark: 'required',
  keyedFilled: (value, from, fields) =>
    `Filled ${fields.map((f) => keyedFieldsEn[f]).join(', ')} from ${from} by ${value}`,
  keyedFromLibrary: 'the party library',
  keyedFromDeclaration: (seq) => `declaration ${seq}`,
  keyedUndo: 'Undo',
  keyedUndoLabel: (box) => `Undo what was filled into ${box}`,
};
