import fs from 'node:fs';
import path from 'node:path';
import type { EventPayload } from '../../shared/api';
import type { Dispatch } from '../core/api/dispatch';

// DecMessage XML files opened with SW Desk (the installers associate .xml with it): from the
// command line of the first or a second launch, or macOS's open-file event. Each is imported as
// a draft through the contract, and a notice (with the declaration to open) says how it went.

/** The .xml files among a launch's arguments (Electron's own flags and the app path are skipped). */
export function xmlFilesIn(argv: readonly string[]): string[] {
  return argv.filter((arg) => !arg.startsWith('-') && /\.xml$/i.test(arg)).map((arg) => path.resolve(arg));
}

const MAX_BYTES = 20 * 1024 * 1024;

export async function openDeclarationFiles(
  files: readonly string[],
  deps: { dispatch: Dispatch; notify(notice: EventPayload<'notice'>): void; read?: (file: string) => Buffer },
): Promise<void> {
  const read = deps.read ?? ((file: string) => fs.readFileSync(file));
  for (const file of files) {
    const name = path.basename(file);
    let content: Buffer;
    try {
      content = read(file);
      if (content.length > MAX_BYTES) throw new Error(`larger than ${MAX_BYTES / 1024 / 1024} MB`);
    } catch (error) {
      deps.notify({
        kind: 'error',
        message: `无法读取 ${name} / Cannot read ${name}: ${error instanceof Error ? error.message : String(error)}`,
      });
      continue;
    }
    const result = await deps.dispatch('interchange.importXml', {
      fileName: name.slice(0, 255),
      contentBase64: content.toString('base64'),
    });
    if (result.ok) {
      const value = result.value as { id: string; clientSeqNo: string };
      deps.notify({
        kind: 'info',
        message: `已导入 ${name}，报关单 ${value.clientSeqNo}（草稿） / Imported ${name} as draft ${value.clientSeqNo}`,
        declarationId: value.id,
      });
    } else {
      deps.notify({ kind: 'error', message: `${name}: ${result.error.message}` });
    }
  }
}
