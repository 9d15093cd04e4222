import { goodsDeclaration, parseFieldPath, readField, twoStepModeOf } from '../../shared/catalog';
import type { DecPayload, FieldError } from '../../shared/protocol';
import { sha256Hex } from '../../shared/protocol';
import { channelInfo, underInspection } from '../../shared/status';
import { fieldLabel } from '../../shared/validation';
import type { ProcessorConfig, ProcessorRule } from '../config';
import type { PlanStep } from '../store/types';

// The customs processor's rules: every accepted submission gets
// 7 申报成功, then L 入库 with its 海关编号, then either E/Z/H/N (the flow stops,
// with reasons that point at fields) or the review channels the rules select
// (G/J/W/T/C/S; T 需交税费 for every import the hub bills), then P 放行, then R 结关 when a rule says so. The plan is fixed
// at acceptance and stored, so a restart or a config change never alters a
// submission already in the queue. 两步申报 (DecHead/Type's mode): a 概要申报 ends at P (the goods
// released; no conclusion, the 完整申报 owes the rest), and its 完整申报 — the goods already out —
// gets no P but always the conclusion R.

const stopping = new Set(['E', 'Z', 'H', 'N']);

/** A number in [0, 1) decided by the seed, the submission and the rule alone, so runs repeat exactly. */
export function chance(seed: string, submissionId: string, ruleId: string): number {
  return parseInt(sha256Hex(`${seed}\u0000${submissionId}\u0000${ruleId}`).slice(0, 12), 16) / 2 ** 48;
}

function conditionsHold(rule: ProcessorRule, payload: DecPayload): boolean {
  return rule.when.every((condition) => {
    const path = parseFieldPath(condition.path);
    const value = path ? readField(payload.doc, path) : '';
    if (condition.equals !== undefined && value !== condition.equals) return false;
    if (condition.in !== undefined && !condition.in.includes(value)) return false;
    if (condition.matches !== undefined && !new RegExp(condition.matches).test(value)) return false;
    if (condition.empty !== undefined && (value.trim() === '') !== condition.empty) return false;
    return true;
  });
}

function fires(rule: ProcessorRule, config: ProcessorConfig, submissionId: string, payload: DecPayload): boolean {
  return conditionsHold(rule, payload) && chance(config.seed, submissionId, rule.id) < rule.probability;
}

function defaultNote(channel: string): string {
  return channelInfo(channel)?.zh ?? channel;
}

function reasons(rule: ProcessorRule, note: string): FieldError[] {
  const code = `customs-${rule.channel}`;
  if (rule.errors) return rule.errors.map((e) => ({ path: e.path, code, message: e.message }));
  if (rule.when.length === 0) return [{ path: '', code, message: note }];
  return rule.when.map((c) => ({
    path: c.path,
    code,
    message: `${fieldLabel(goodsDeclaration, c.path, 'zh-CN')}：${note}，请核对后修改重新申报`,
  }));
}

/** 报关单类型 codes of a paperless declaration: W 无纸报关, D 清单+无纸, M 无纸化通关 (DOMAIN.md §1.6). */
const paperlessEntryTypes = new Set(['M', 'W', 'D']);
const INVOICE = '00000001';

/** The refusal of a 无纸化 declaration without a 发票 file, pointing at its 随附单据; null when it has one. */
export function paperlessInvoiceMissing(payload: DecPayload): FieldError | null {
  if (!paperlessEntryTypes.has(payload.doc.head.EntryType ?? '')) return null;
  const files = new Set((payload.attachments ?? []).map((f) => f.edocId));
  const rows = payload.doc.tables.edocs ?? [];
  if (rows.some((r) => r.EdocCode === INVOICE && files.has(r.EdocID ?? ''))) return null;
  return {
    path: 'edocs',
    code: 'customs-paperless-invoice',
    message: '随附单据：无纸化申报须随附发票（类别 00000001）的 PDF 文件，本单未随附，退单',
  };
}

/**
 * The plan of an accepted submission. `billed`: the hub has a 税费单 for it (taxBillFor), which customs send on a
 * T 需交税费 receipt (DOMAIN.md §2.3, §5b): the plan then has a T step even where no rule fires one, placed as the
 * handbook's flow has it (§2.5: 审结 G/J/W, then T, then 查验 C/S, then 放行) — before any inspection and before the
 * release P (a 完整申报: before its conclusion R). §5b also calls the bill one "after release"; the flow's order is
 * followed, since a T after the P would take a released declaration back to 需交税费 on the desk.
 */
export function planFor(
  config: ProcessorConfig,
  submissionId: string,
  payload: DecPayload,
  billed = false,
): PlanStep[] {
  if (!config.enabled) return [];
  const step = (channel: string, note = defaultNote(channel), errors: FieldError[] = []): PlanStep => ({
    channel,
    delayMs: config.stepDelays[channel] ?? config.stepDelayMs,
    note,
    errors,
  });
  const plan: PlanStep[] = [];
  if (config.declaredReceipt) plan.push(step('7'));
  plan.push(step('L'));
  const noInvoice = config.paperlessNeedsInvoice ? paperlessInvoiceMissing(payload) : null;
  if (noInvoice) {
    plan.push(step('E', '无纸化申报未随附发票', [noInvoice]));
    return plan;
  }
  const firing = config.rules.filter((rule) => fires(rule, config, submissionId, payload));
  const stop = firing.find((rule) => stopping.has(rule.channel));
  if (stop) {
    const note = stop.note ?? defaultNote(stop.channel);
    plan.push(step(stop.channel, note, reasons(stop, note)));
    return plan;
  }
  const seen = new Set<string>();
  for (const rule of firing) {
    if (stopping.has(rule.channel) || rule.channel === 'R' || seen.has(rule.channel)) continue;
    seen.add(rule.channel);
    plan.push(step(rule.channel, rule.note ?? defaultNote(rule.channel)));
  }
  if (billed && !seen.has('T')) {
    const inspection = plan.findIndex((s) => underInspection(s.channel));
    plan.splice(inspection >= 0 ? inspection : plan.length, 0, step('T'));
  }
  const mode = twoStepModeOf(payload.doc.head.Type);
  const close = firing.find((rule) => rule.channel === 'R');
  if (mode === 'complete') {
    plan.push(step('R', close?.note ?? defaultNote('R')));
    return plan;
  }
  plan.push(step('P'));
  if (close && mode !== 'summary') plan.push(step('R', close.note ?? defaultNote('R')));
  return plan;
}

/**
 * The numbers a 完整申报 carries from its 概要申报 (the same 海关编号 and 统一编号, as DecHead/EntryId and SeqNo), which
 * the hub keeps instead of allocating new ones; null for any other declaration. A 完整 without an 18-character
 * 海关编号 is refused before this (decide).
 */
export function givenNumbers(payload: DecPayload): { seqNo: string | null; entryId: string } | null {
  if (twoStepModeOf(payload.doc.head.Type) !== 'complete') return null;
  const entryId = payload.doc.head.EntryId?.trim() ?? '';
  const seqNo = payload.doc.head.SeqNo?.trim() ?? '';
  return { entryId, seqNo: seqNo.length === 18 ? seqNo : null };
}

/** The year in China (UTC+8), which the numbers carry. */
export function chinaYear(now: number): string {
  return String(new Date(now + 8 * 3600_000).getUTCFullYear());
}

/**
 * Prefixes of the numbers customs assigns (DOMAIN.md §1.1): the 海关编号 is the
 * 4-digit 关区, the year, the I/E digit (1 import, 0 export) and a 9-digit serial;
 * the simulated 统一编号 is the I/E letter, the year and a 13-digit serial.
 */
export function numberPrefixes(
  config: ProcessorConfig,
  payload: DecPayload,
  plan: readonly PlanStep[],
  now: number,
): { seqNoPrefix: string; entryIdPrefix: string | null } {
  const year = chinaYear(now);
  const master = payload.doc.head.CustomMaster ?? '';
  const district = /^\d{4}$/.test(master) ? master : config.defaultCustomsDistrict;
  return {
    seqNoPrefix: `${payload.ieFlag}${year}`,
    entryIdPrefix: plan.some((s) => s.channel === 'L')
      ? `${district}${year}${payload.ieFlag === 'I' ? '1' : '0'}`
      : null,
  };
}
