/**
 * A stored moment (ISO, UTC) as the machine's clock read it then, `yyyy-MM-dd HH:mm`. The list, the review queue, the
 * timeline, backups and keys all show when something happened on the broker's own clock, so one screen never says
 * 01:24 where another says 17:24 for the same moment. Customs' own dates (the China date a declaration's dates are
 * checked against, the 完整申报 deadline, the 申请日期 printed on the 修改/撤销表) follow China time by customs' rule
 * and are not written with this. An unreadable value is shown as it is.
 */
export function localMinute(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
}
