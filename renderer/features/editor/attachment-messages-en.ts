import { type AttachmentMessages, fileSize } from './attachment-messages-zh';

// The 随附单据 files panel's words in English.

export const attachmentsEn: AttachmentMessages = {
  title: 'Attached document files (PDF)',
  type: 'Document type',
  add: 'Add PDF…',
  hint: 'Or drop a PDF here, or paste it (Ctrl+V)',
  none: 'No document files attached yet',
  view: 'View',
  replace: 'Replace…',
  remove: 'Remove',
  adding: (name) => `Adding ${name}…`,
  added: (name, edocId) => `Added ${name} (${edocId})`,
  removed: (name) => `Removed ${name}`,
  size: fileSize,
  readOnly: 'The declaration is declared; its document files cannot change',
};
