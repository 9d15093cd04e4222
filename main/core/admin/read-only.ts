import type { MethodName } from '../../../shared/api';
import { AppError } from '../../../shared/api';
import type { Handlers } from '../api/dispatch';
import { hostMethods } from './host-handlers';

/**
 * What works when the data is opened read-only (a damaged database, or one from a newer
 * version): reading, searching and getting the data out (the archive export writes only its own
 * file). Everything else — any method added later included — is refused with READ_ONLY.
 */
const readMethods = new Set<MethodName>([
  'app.info',
  'declarations.list',
  'declarations.get',
  'declarations.receipts',
  'declarations.taxBill',
  'attachments.list',
  'attachments.content',
  'declarations.timeline',
  'declarations.withBillNo',
  // A declaration's review, the queue of those waiting and what a review compares with are looked at, not changed.
  'review.get',
  'review.queue',
  'review.comparison',
  'outbox.list',
  'templates.list',
  'ui.getState',
  'sync.status',
  'codes.tables',
  'codes.search',
  'codes.get',
  'codes.snapshot',
  'tariff.get',
  'tariff.getMany',
  'keys.status',
  'keys.list',
  'keys.exportPublic',
  'desk.status',
  'profiles.list',
  'settings.get',
  'backup.list',
  'archive.export',
  'diagnostics.get',
  // Getting a declaration out as a file or on paper changes nothing.
  'interchange.exportXml',
  'interchange.exportDeclaration',
  'interchange.exportList',
  'interchange.lineProfiles',
  // Turning pasted names into codes reads the code tables and writes nothing.
  'interchange.mapLineCodes',
  'bridge.status',
  'print.pdf',
  // Looking things up in the libraries, and getting them out as files, changes nothing.
  'templates.export',
  'parties.search',
  'parties.list',
  'parties.keyed',
  'products.search',
  'products.list',
  'libraries.export',
  'defaults.get',
  ...hostMethods,
]);

export function isReadMethod(method: MethodName): boolean {
  return readMethods.has(method);
}

export function readOnlyHandlers(handlers: Handlers): Handlers {
  const out: Record<string, unknown> = {};
  for (const [method, handler] of Object.entries(handlers)) {
    out[method] = readMethods.has(method as MethodName)
      ? handler
      : () => {
          throw new AppError('desk.read-only');
        };
  }
  return out as Handlers;
}
