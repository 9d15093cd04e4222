/**
 * Every keyboard shortcut of the desk, in one place: the editor and the app shell match
 * events against it and the help overlay (F1) lists it. Letters are matched by physical key
 * (event.code) so Alt combinations work whatever the keyboard layout or input method.
 */
export type KeyAction =
  | 'next-field'
  | 'prev-field'
  | 'add-line'
  | 'copy-line'
  | 'delete-line'
  | 'move-line-up'
  | 'move-line-down'
  | 'gmodel'
  | 'extract-invoice'
  | 'open-lookup'
  | 'next-error'
  | 'prev-error'
  | 'declare'
  | 'save-now'
  | 'save-template'
  | 'library-lookup'
  | 'same-as-trade'
  | 'copy-declaration'
  | 'complete-declaration'
  | 'go-head'
  | 'go-lines'
  | 'go-tables'
  | 'go-errors'
  | 'submit-review'
  | 'approve-review'
  | 'return-review'
  | 'review-differences'
  | 'review-queue'
  | 'modify-request'
  | 'cancel-request'
  | 'new-import'
  | 'new-export'
  | 'new-from-template'
  | 'libraries'
  | 'to-list'
  | 'switch-language'
  | 'help';

export interface KeyCombo {
  /** `event.key` for named keys (Enter, F8, Delete, ArrowUp), `event.code` for letters and digits (KeyA, Digit1). */
  key: string;
  alt?: boolean;
  ctrl?: boolean;
  shift?: boolean;
}

export interface KeyBinding {
  action: KeyAction;
  combos: readonly KeyCombo[];
  /** Where it works: everywhere, or in the declaration editor. */
  scope: 'app' | 'editor';
  zh: string;
  en: string;
}

export const keymap: readonly KeyBinding[] = [
  {
    action: 'next-field',
    combos: [{ key: 'Enter' }],
    scope: 'editor',
    zh: '下一个输入项（代码选择打开时先选定代码）',
    en: 'Next field (picks the highlighted code first)',
  },
  {
    action: 'prev-field',
    combos: [{ key: 'Enter', shift: true }],
    scope: 'editor',
    zh: '上一个输入项',
    en: 'Previous field',
  },
  {
    action: 'add-line',
    combos: [{ key: 'KeyA', alt: true }],
    scope: 'editor',
    zh: '添加商品（加在末尾）',
    en: 'Add a goods line (at the end)',
  },
  {
    action: 'copy-line',
    combos: [{ key: 'KeyC', alt: true }],
    scope: 'editor',
    zh: '复制当前商品（插在其后）',
    en: 'Copy the current goods line (below it)',
  },
  {
    action: 'delete-line',
    combos: [{ key: 'Delete', alt: true }],
    scope: 'editor',
    zh: '删除当前商品',
    en: 'Delete the current goods line',
  },
  {
    action: 'move-line-up',
    combos: [{ key: 'ArrowUp', alt: true, shift: true }],
    scope: 'editor',
    zh: '当前商品上移',
    en: 'Move the current goods line up',
  },
  {
    action: 'move-line-down',
    combos: [{ key: 'ArrowDown', alt: true, shift: true }],
    scope: 'editor',
    zh: '当前商品下移',
    en: 'Move the current goods line down',
  },
  {
    action: 'gmodel',
    combos: [{ key: 'KeyE', alt: true }],
    scope: 'editor',
    zh: '申报要素：按商品编号逐项填写规格型号',
    en: 'Declaration elements: fill the specification item by item',
  },
  {
    action: 'open-lookup',
    combos: [{ key: 'F4' }, { key: 'ArrowDown', alt: true }],
    scope: 'editor',
    zh: '打开代码选择（↑↓ 选择，Enter 选定，Esc 关闭）',
    en: 'Open the code lookup (↑↓ choose, Enter pick, Esc close)',
  },
  {
    action: 'extract-invoice',
    combos: [{ key: 'KeyI', alt: true }],
    scope: 'editor',
    zh: '从发票/装箱单识别商品（PDF、图片）',
    en: 'Goods lines from an invoice / packing list (PDF, picture)',
  },
  {
    action: 'next-error',
    combos: [{ key: 'F8' }],
    scope: 'editor',
    zh: '跳到下一处错误',
    en: 'Jump to the next error',
  },
  {
    action: 'prev-error',
    combos: [{ key: 'F8', shift: true }],
    scope: 'editor',
    zh: '跳到上一处错误',
    en: 'Jump to the previous error',
  },
  {
    action: 'declare',
    combos: [{ key: 'F9' }],
    scope: 'editor',
    zh: '申报（签名并排队发送）',
    en: 'Declare (sign and queue)',
  },
  {
    action: 'save-now',
    combos: [{ key: 'KeyS', ctrl: true }],
    scope: 'editor',
    zh: '立即保存（修改也会自动保存）',
    en: 'Save now (edits are also saved automatically)',
  },
  {
    action: 'save-template',
    combos: [{ key: 'KeyS', ctrl: true, shift: true }],
    scope: 'editor',
    zh: '另存为模板（可选表头、商品、集装箱…）',
    en: 'Save as template (header, goods, containers … as chosen)',
  },
  {
    action: 'library-lookup',
    combos: [{ key: 'F3' }],
    scope: 'editor',
    zh: '从企业库选择（在收发货人、申报单位等栏）/ 从商品库选择（在商品行）',
    en: 'Pick from the party library (in a party box) / the product library (in a goods line)',
  },
  {
    action: 'same-as-trade',
    combos: [{ key: 'KeyD', ctrl: true }],
    scope: 'editor',
    zh: '同上：把境内收发货人复制到消费使用单位（出口为生产销售单位）',
    en: 'Same as above: copy the domestic consignee/consignor into the consumer (exports: the producer)',
  },
  {
    action: 'copy-declaration',
    combos: [{ key: 'KeyC', alt: true, shift: true }],
    scope: 'editor',
    zh: '复制本报关单为新草稿',
    en: 'Copy this declaration to a new draft',
  },
  {
    action: 'complete-declaration',
    combos: [{ key: 'KeyW', alt: true, shift: true }],
    scope: 'editor',
    zh: '完整申报：打开已放行的概要申报补填其余项目（两步申报第二步）',
    en: 'Complete declaration: open a released summary to fill in the rest (two-step, second step)',
  },
  {
    action: 'go-head',
    combos: [{ key: 'Digit1', alt: true }],
    scope: 'editor',
    zh: '跳到表头',
    en: 'Go to the header',
  },
  {
    action: 'go-lines',
    combos: [{ key: 'Digit2', alt: true }],
    scope: 'editor',
    zh: '跳到商品',
    en: 'Go to the goods lines',
  },
  {
    action: 'go-tables',
    combos: [{ key: 'Digit3', alt: true }],
    scope: 'editor',
    zh: '跳到随附信息（集装箱、随附单证…，←→ 切换）',
    en: 'Go to attached information (containers, documents…; ←→ switch)',
  },
  {
    action: 'go-errors',
    combos: [{ key: 'Digit4', alt: true }],
    scope: 'editor',
    zh: '跳到检查结果',
    en: 'Go to the check results',
  },
  {
    action: 'submit-review',
    combos: [{ key: 'KeyR', alt: true }],
    scope: 'editor',
    zh: '提交复核（冻结当前内容）',
    en: 'Submit for review (freezes the content)',
  },
  {
    action: 'approve-review',
    combos: [{ key: 'KeyY', alt: true }],
    scope: 'editor',
    zh: '复核通过（复核员）',
    en: 'Approve the review (reviewer)',
  },
  {
    action: 'return-review',
    combos: [{ key: 'KeyR', alt: true, shift: true }],
    scope: 'editor',
    zh: '退回并填写复核意见（复核员）',
    en: 'Return with review remarks (reviewer)',
  },
  {
    action: 'review-differences',
    combos: [{ key: 'KeyD', alt: true }],
    scope: 'editor',
    zh: '复核差异：与所用模板或同一客户同样商品的上一份报关单比较（Enter 跳到该项，Esc 关闭）',
    en: 'Review differences: from the template used or the customer’s last declaration of the same goods (Enter goes there, Esc closes)',
  },
  {
    action: 'modify-request',
    combos: [{ key: 'KeyM', alt: true }],
    scope: 'editor',
    zh: '修改申请：打开已有海关编号的报关单的可编辑副本（改好后 F9 提交）',
    en: 'Request a modification: open an editable copy of a declaration with a customs number (F9 submits)',
  },
  {
    action: 'cancel-request',
    combos: [{ key: 'KeyM', alt: true, shift: true }],
    scope: 'editor',
    zh: '撤单申请：选择原因、填写说明（Enter 提交，Esc 关闭）',
    en: 'Request a cancellation: choose the reason, add a note (Enter submits, Esc closes)',
  },
  {
    action: 'new-import',
    combos: [{ key: 'KeyN', alt: true }],
    scope: 'app',
    zh: '新建进口报关单',
    en: 'New import declaration',
  },
  {
    action: 'new-export',
    combos: [{ key: 'KeyN', alt: true, shift: true }],
    scope: 'app',
    zh: '新建出口报关单',
    en: 'New export declaration',
  },
  {
    action: 'new-from-template',
    combos: [{ key: 'KeyT', alt: true }],
    scope: 'app',
    zh: '用模板新建（输入名称或拼音首字母，Enter 新建）',
    en: 'New from a template (type a name or its pinyin initials, Enter)',
  },
  {
    action: 'libraries',
    combos: [{ key: 'KeyK', alt: true }],
    scope: 'app',
    zh: '企业库、商品库、模板与默认值',
    en: 'Party and product libraries, templates and defaults',
  },
  {
    action: 'to-list',
    combos: [{ key: 'KeyL', alt: true }],
    scope: 'app',
    zh: '报关单列表（↑↓ 移动，Enter 打开，空格 选择）',
    en: 'Declaration list (↑↓ move, Enter open, Space select)',
  },
  {
    action: 'switch-language',
    combos: [{ key: 'KeyL', alt: true, shift: true }],
    scope: 'app',
    zh: '切换中文 / English',
    en: 'Switch 中文 / English',
  },
  {
    action: 'review-queue',
    combos: [{ key: 'KeyQ', alt: true }],
    scope: 'app',
    zh: '待复核报关单（Enter 打开）',
    en: 'Declarations awaiting review (Enter opens one)',
  },
  { action: 'help', combos: [{ key: 'F1' }], scope: 'app', zh: '显示本帮助', en: 'Show this help' },
];

interface KeyEventLike {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

function comboMatches(combo: KeyCombo, event: KeyEventLike): boolean {
  const named = !/^(Key[A-Z]|Digit\d)$/.test(combo.key);
  const keyOk = named ? event.key === combo.key : event.code === combo.key;
  return (
    keyOk &&
    !!combo.alt === event.altKey &&
    !!combo.ctrl === (event.ctrlKey || event.metaKey) &&
    !!combo.shift === event.shiftKey
  );
}

/** The action an event triggers in a scope (app-wide bindings apply everywhere). */
export function actionFor(event: KeyEventLike, scope: 'app' | 'editor'): KeyAction | null {
  for (const binding of keymap) {
    if (binding.scope === 'editor' && scope !== 'editor') continue;
    if (binding.combos.some((c) => comboMatches(c, event))) return binding.action;
  }
  return null;
}

/**
 * The keys that do an action as the help overlay writes them ("F8", "Alt+4"): a hint on screen names its keys from
 * here, so it can never name a key the keymap does not hold.
 */
export function keysOf(action: KeyAction): string {
  return (keymap.find((b) => b.action === action)?.combos ?? []).map(comboText).join(' / ');
}

/** A combo as the help overlay shows it, e.g. "Alt+Shift+↑". */
export function comboText(combo: KeyCombo): string {
  const names: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', Delete: 'Delete', Enter: 'Enter' };
  const key = combo.key.replace(/^Key/, '').replace(/^Digit/, '');
  return [combo.ctrl ? 'Ctrl' : '', combo.alt ? 'Alt' : '', combo.shift ? 'Shift' : '', names[combo.key] ?? key]
    .filter(Boolean)
    .join('+');
}
