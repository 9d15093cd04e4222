import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FileInput } from './file-input';

describe('a file chooser', () => {
  afterEach(cleanup);

  it('hands over the file picked and empties itself, so the same file picked again is read again', () => {
    const read: string[] = [];
    render(<FileInput label="选择文件" accept=".csv" onFile={(file) => void read.push(file.name)} />);
    const input = screen.getByLabelText('选择文件');
    // jsdom keeps a file list set by a test apart from the value, so the emptying is seen where it is written.
    const written: string[] = [];
    Object.defineProperty(input, 'value', { configurable: true, get: () => '', set: (v: string) => written.push(v) });
    const file = new File(['a,b'], 'goods.csv', { type: 'text/csv' });
    fireEvent.change(input, { target: { files: [file] } });
    fireEvent.change(input, { target: { files: [file] } });
    expect(read).toEqual(['goods.csv', 'goods.csv']);
    expect(written).toEqual(['', '']);
    expect(screen.getByText('goods.csv')).toBeTruthy();
  });

  it('hands over nothing when the picker is closed without a file', () => {
    const read: string[] = [];
    render(<FileInput label="选择文件" accept=".csv" onFile={(file) => void read.push(file.name)} />);
    fireEvent.change(screen.getByLabelText('选择文件'), { target: { files: [] } });
    expect(read).toEqual([]);
  });
});
