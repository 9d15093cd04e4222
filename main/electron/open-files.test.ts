import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveFilesIn } from './open-files';

describe('files opened with SW Desk from the file manager', () => {
  it('takes only .swdx archives from a launch command line (DecMessage XML comes in through Import)', () => {
    expect(
      archiveFilesIn([
        '/opt/SW Desk/swdesk',
        '--no-sandbox',
        '/home/me/报关单.XML',
        'backup.SWDX',
        '/home/me/2026-12-01.swdx',
        'file:///home/me/%E6%8A%A5%E5%85%B3/12%E6%9C%88.swdx',
        'file://remote-host/share/a.swdx',
        '--flag=a.swdx',
      ]),
    ).toEqual([path.resolve('backup.SWDX'), '/home/me/2026-12-01.swdx', '/home/me/报关/12月.swdx']);
  });
});
