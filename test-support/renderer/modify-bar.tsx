import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import type { ApiResult, DeclarationRecord } from '../../shared/api';
import type { DeclarationDoc } from '../../shared/catalog';
import { queryClient } from '../../renderer/api/queries';
import { ModifyBar } from '../../renderer/features/modify/modify-bar';
import { useModifyUi } from '../../renderer/features/modify/modify-store';
import { useUi } from '../../renderer/state/ui-store';
import { declarationRecord } from '../shared/records';
import { renderWithBridge } from './render-with-bridge';

const ok = <T,>(value: T): ApiResult<T> => ({ ok: true, value });

/** A declaration customs has released (海关编号 310120261000012345, 统一编号 SW2612070001), declared as `doc`. */
export function releasedRecord(doc: DeclarationDoc): DeclarationRecord {
  return declarationRecord({
    workflow: 'sent',
    status: 'released',
    channel: 'P',
    entryId: '310120261000012345',
    clientSeqNo: 'SW2612070001',
    doc,
  });
}

/**
 * The 修撤单 bar's tests of a describe block: each starts with `record` open in the editor (as when its copy is made;
 * leaving the editor ends the copy), no copy begun, nothing in the query cache, the UI in Chinese; and is unmounted
 * when it ends.
 */
export function modifyBarPerTest(record: DeclarationRecord): void {
  beforeEach(() => {
    queryClient.clear();
    useUi.setState({ locale: 'zh-CN', notices: [], selectedId: record.id, view: 'editor' });
    useModifyUi.getState().endCopy();
  });
  afterEach(cleanup);
}

/**
 * The 修撤单 bar of `record` on a fake bridge that knows no 修撤单 of it and no kept draft, unless `answers` say
 * otherwise; `submit` is the editor's 申报 (a spy).
 */
export function renderModifyBar(
  props: {
    record: DeclarationRecord;
    copy: boolean;
    edited: DeclarationDoc;
    codeName?: (table: string, code: string) => string | undefined;
  },
  answers: Parameters<typeof renderWithBridge>[0] = {},
) {
  const submit = vi.fn();
  const fake = renderWithBridge(
    { 'declarations.modRequests': () => ok([]), 'declarations.modDraft': () => ok(null), ...answers },
    <ModifyBar codeName={() => undefined} {...props} submit={submit} />,
  );
  return { fake, submit };
}
