import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleDeclaration } from '../../../shared/validation/sample-declaration';
import { PrintForm } from './print-form';

describe('PrintForm', () => {
  afterEach(cleanup);

  it('renders every box with its value, and continuation pages for many lines', () => {
    const doc = sampleDeclaration(21);
    doc.tables.freeText = [{ VoyNo: '045E' }];
    const { container } = render(<PrintForm doc={doc} entryId="220120261000012345" names={() => ''} />);
    const box = (id: string) => container.querySelector(`[data-box="${id}"]`)?.textContent ?? null;
    expect(container.querySelectorAll('.print-page')).toHaveLength(3);
    expect(box('trade')).toContain('上海示例食品有限公司');
    expect(box('TrafName')).toContain('COSCO SHIPPING/045E');
    expect(box('EntryId')).toBe('海关编号：220120261000012345');
    expect(box('page')).toBe('页码/页数：1/3');
    expect(box('line21-GName')).toContain('鲜苹果');
    expect(container.querySelectorAll('[data-page="1"] tbody tr')).toHaveLength(6);
    expect(container.querySelectorAll('[data-page="2"] tbody tr')).toHaveLength(14);
    expect(container.querySelector('[data-page="2"] .print-title')?.textContent).toBe(
      '中华人民共和国海关进口货物报关单（续页）',
    );
    expect(container.querySelector('[data-page="2"] .print-head')).toBeNull();
  });
});
