import type { Migration } from '../migrate';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-code-tables';
import { migration0003 } from './0003-declaration-list';
import { migration0004 } from './0004-bridge-files';
import { migration0005 } from './0005-operator-profiles';
import { migration0006 } from './0006-libraries';
import { migration0007 } from './0007-library-names';
import { migration0008 } from './0008-product-customers';
import { migration0009 } from './0009-defaults-by-direction';
import { migration0010 } from './0010-request-ids';
import { migration0011 } from './0011-code-table-dates';
import { migration0012 } from './0012-declared-at';
import { migration0013 } from './0013-status-declared';
import { migration0014 } from './0014-party-short-names';
import { migration0015 } from './0015-declaration-party-codes';
import { migration0016 } from './0016-review';
import { migration0017 } from './0017-attachment-files';
import { migration0018 } from './0018-modify-cancel';
import { migration0019 } from './0019-receipt-tax-bills';
import { migration0020 } from './0020-mod-drafts';
import { migration0021 } from './0021-extract-undos';

/** Every migration, in order. A new one is a new file 000N-name.ts added here. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
  migration0019,
  migration0020,
  migration0021,
];
