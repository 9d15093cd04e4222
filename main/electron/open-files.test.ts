import { describe, expect, it, vi } from 'vitest';
import type { Dispatch } from '../core/api/dispatch';
import { openDeclarationFiles, xmlFilesIn } from './open-files';

describe('DecMessage files opened with SW Desk (fake dispatch: Electron cannot run here)', () => {
  it('takes the .xml files from a launch command line', () => {
    expect(
      xmlFilesIn(['/opt/SW Desk/swdesk', '--no-sandbox', '/home/me/报关单.XML', 'notes.txt', '--flag=a.xml']),
    ).toEqual(['/home/me/报关单.XML']);
  });

  it('imports each as a draft and says so, naming the declaration; a refused or unreadable file is reported, not thrown', async () => {
    const dispatch = vi.fn<Dispatch>(async (_method, input) => {
      const { fileName } = input as { fileName: string };
      return fileName === 'good.xml'
        ? { ok: true, value: { id: 'd1', clientSeqNo: 'SW2611220001' } }
        : { ok: false, error: { code: 'IMPORT_FAILED', message: 'not a DecMessage' } };
    });
    const notify = vi.fn();
    const read = (file: string) => {
      if (file.endsWith('gone.xml')) throw new Error('ENOENT');
      return Buffer.from('<DecMessage/>');
    };
    await openDeclarationFiles(['/a/good.xml', '/a/bad.xml', '/a/gone.xml'], { dispatch, notify, read });
    expect(dispatch).toHaveBeenCalledWith('interchange.importXml', {
      fileName: 'good.xml',
      contentBase64: Buffer.from('<DecMessage/>').toString('base64'),
    });
    expect(notify.mock.calls.map(([n]) => [n.kind, n.declarationId])).toEqual([
      ['info', 'd1'],
      ['error', undefined],
      ['error', undefined],
    ]);
    expect(notify.mock.calls[1]?.[0].message).toContain('not a DecMessage');
    expect(notify.mock.calls[2]?.[0].message).toContain('ENOENT');
  });
});
