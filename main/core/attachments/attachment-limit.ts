import { z } from 'zod';
import type { AttachmentLimitSettings } from '../../../shared/api';
import { DEFAULT_ATTACHMENT_LIMIT_MB } from '../../../shared/api';
import type { SettingsRepo } from '../../db/repositories/settings-repo';

const OWN_KEY = 'attachments.maxFileMb';
const HUB_KEY = 'attachments.hubLimit';
const MB = 1024 * 1024;
const hubLimitSchema = z.object({ hubUrl: z.string(), bytes: z.number().int().min(1) });

/**
 * The largest 随附单据 file the desk takes. No official single-window figure was found (docs/attachments.md), so it is
 * the firm's setting (default 4 MB), bounded by what the hub it is enrolled with advertises in its health answer: a
 * file the hub would refuse is refused when attached, not at sync.
 */
export function createAttachmentLimit(deps: { settings: SettingsRepo; hubUrl: () => string | null }) {
  const { settings } = deps;
  const ownMb = () => settings.read(OWN_KEY, z.number().positive().max(100), DEFAULT_ATTACHMENT_LIMIT_MB);
  /** The enrolled hub's advertised limit in bytes; null before it was heard or when enrolled elsewhere since. */
  function hubBytes(): number | null {
    const url = deps.hubUrl();
    const known = settings.read(HUB_KEY, hubLimitSchema.nullable(), null);
    return url && known && known.hubUrl === url ? known.bytes : null;
  }
  return {
    settings(): AttachmentLimitSettings {
      const hub = hubBytes();
      const hubMaxFileMb = hub === null ? null : Math.round((hub / MB) * 100) / 100;
      const own = ownMb();
      return { maxFileMb: own, hubMaxFileMb, inForceMb: hubMaxFileMb === null ? own : Math.min(own, hubMaxFileMb) };
    },
    setOwnMb: (mb: number): void => settings.write(OWN_KEY, mb),
    /** Bytes in force: the lower of the setting and the hub's advertised limit. */
    inForceBytes(): number {
      const hub = hubBytes();
      const own = Math.floor(ownMb() * MB);
      return hub === null ? own : Math.min(own, hub);
    },
    /** What the hub's health answer advertised; a hub that says nothing (older) forgets a previous figure. */
    heardFromHub(hubUrl: string, bytes: number | undefined): void {
      if (bytes === undefined) settings.remove(HUB_KEY);
      else settings.write(HUB_KEY, { hubUrl, bytes });
    },
  };
}

export type AttachmentLimit = ReturnType<typeof createAttachmentLimit>;
