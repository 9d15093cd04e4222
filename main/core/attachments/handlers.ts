import type { Handlers } from '../api/dispatch';
import type { AttachmentService } from './attachment-service';

type AttachmentMethods = 'attachments.list' | 'attachments.attach' | 'attachments.remove' | 'attachments.content';

/** The contract handlers of 随附单据 files. */
export function createAttachmentHandlers(attachments: AttachmentService): Pick<Handlers, AttachmentMethods> {
  return {
    'attachments.list': ({ id }) => attachments.list(id),
    'attachments.attach': (input) => attachments.attach(input),
    'attachments.remove': (input) => attachments.remove(input),
    'attachments.content': (input) => attachments.content(input),
  };
}
