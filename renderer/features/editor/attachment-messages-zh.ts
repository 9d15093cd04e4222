// The 随附单据 files panel's words in Chinese; attachment-messages-en.ts has the same keys.

/**
 * A file's size as a broker reads it, written alike in both languages: KB under a megabyte (a one-page scan), MB
 * above.
 */
export function fileSize(bytes: number): string {
  return bytes < 1048576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(2)} MB`;
}

export const attachmentsZh = {
  title: '随附单据文件（PDF）',
  type: '单据类别',
  add: '添加 PDF…',
  hint: '也可将 PDF 拖放到此处，或粘贴（Ctrl+V）',
  none: '尚未添加随附单据文件',
  view: '查看',
  replace: '替换…',
  remove: '删除',
  adding: (name: string) => `正在添加 ${name}…`,
  added: (name: string, edocId: string) => `已添加 ${name}（${edocId}）`,
  removed: (name: string) => `已删除 ${name}`,
  size: fileSize,
  readOnly: '报关单已申报，随附单据不能修改',
};

export type AttachmentMessages = typeof attachmentsZh;
