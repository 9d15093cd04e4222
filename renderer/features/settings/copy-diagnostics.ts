import { api } from '../../api/client';

/**
 * Copies the diagnostics text to the clipboard; returns the text when it could not be copied
 * (no clipboard permission), so the caller can show it for copying by hand.
 */
export async function copyDiagnostics(): Promise<{ copied: boolean; text: string }> {
  const { text } = await api.invoke('diagnostics.get', {});
  try {
    await navigator.clipboard.writeText(text);
    return { copied: true, text };
  } catch {
    return { copied: false, text };
  }
}
