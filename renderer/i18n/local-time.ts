/**
 * A stored moment (ISO, UTC) as the machine's clock read it then, written the same way in both UI languages:
 * `yyyy-MM-dd HH:mm` (localMinute) or with the seconds (localSecond). The list, the review queue, the timeline, the
 * outbox, backups and keys all show when something happened on the broker's own clock, so one screen never says 01:24
 * where another says 17:24 for the same moment; and year-month-day, as customs' own papers write dates, so an English
 * screen never leaves the broker to guess whether 12/7 is the 7th of December or the 12th of July. Customs' own dates
 * (the China date a declaration's dates are checked against, the 完整申报 deadline, the 申请日期 printed on the
 * 修改/撤销表) follow China time by customs' rule and are not written with this. An unreadable value is shown as it
 * is, and no value as nothing.
 */
export function localMinute(iso: string): string {
  return written(iso, false);
}

/** The same with the seconds, where two steps can fall in one minute (the timeline, the outbox, backups, keys). */
export function localSecond(iso: string | null): string {
  return iso === null ? '' : written(iso, true);
}

function written(iso: string, seconds: boolean): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  const minute = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
  return seconds ? `${minute}:${two(at.getSeconds())}` : minute;
}
