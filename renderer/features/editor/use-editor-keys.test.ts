import { describe, expect, it } from 'vitest';
import { compareKeys, orderKey } from './form-layout';
import { nextErrorPath } from './use-editor-keys';
import type { ListedFinding } from './use-findings';

const finding = (path: string, severity: 'error' | 'warning' = 'error'): ListedFinding => ({
  path,
  severity,
  message: path,
  key: orderKey(path, 'I'),
  required: false,
});
const findings = ['head.TradeName', 'head.PackNo', 'lines[0].GName', 'lines[4].CodeTS', 'head.AgentName']
  .map((p) => finding(p))
  .concat(finding('lines[1].CiqCode', 'warning'));

describe('next error', () => {
  it('goes to the next error after the current field in screen order, wrapping around, skipping warnings', () => {
    // The panel lists findings in screen order; so does this.
    const sorted = [...findings].sort((a, b) => compareKeys(a.key, b.key));
    expect(nextErrorPath(sorted, null, 'I', false)).toBe('head.TradeName');
    expect(nextErrorPath(sorted, 'head.TradeName', 'I', false)).toBe('head.PackNo');
    expect(nextErrorPath(sorted, 'lines[0].GName', 'I', false)).toBe('lines[4].CodeTS');
    expect(nextErrorPath(sorted, 'lines[4].CodeTS', 'I', false)).toBe('head.AgentName');
    expect(nextErrorPath(sorted, 'head.AgentName', 'I', false)).toBe('head.TradeName');
    expect(nextErrorPath(sorted, 'head.PackNo', 'I', true)).toBe('head.TradeName');
    expect(nextErrorPath(sorted, 'head.TradeName', 'I', true)).toBe('head.AgentName');
    expect(nextErrorPath([finding('lines[1].CiqCode', 'warning')], null, 'I', false)).toBeNull();
  });
});
