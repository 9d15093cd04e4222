import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Party, Product, ProductCustomer } from '../../../shared/api';
import type { DeclarationDoc, Row } from '../../../shared/catalog';
import type { PartySlot } from '../../../shared/libraries';
import type { DirectedDefaults } from '../../../shared/libraries';
import {
  defaultsFor,
  partyHeadValues,
  partyRoleLabels,
  partySlotFields,
  productLineValues,
} from '../../../shared/libraries';
import { api } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { useEditorUi } from '../editor/editor-store';
import { focusAfter } from '../editor/next-field';
import { useLibraryUi } from './library-store';
import { libraryMessages, useLibraryT } from './messages';
import { SearchPicker } from './search-picker';
import { listWords } from '../../i18n/list-words';

/** What a picker needs of the open declaration: its document and the editor's edits. */
export interface PickerTarget {
  doc: DeclarationDoc;
  ieFlag: 'I' | 'E';
  setField(path: string, value: string): void;
  commit(path: string): void;
}

/**
 * The operator's goods-line defaults (征免 …) for a declaration of this direction, as main last gave them (defaults.get).
 */
export function lineDefaults(ieFlag: 'I' | 'E'): Row {
  const defaults = queryClient.getQueryData<DirectedDefaults>(['defaults']);
  return defaults ? defaultsFor(defaults, ieFlag).line : {};
}

function writeAll(target: PickerTarget, prefix: string, values: Row): void {
  for (const [key, value] of Object.entries(values)) target.setField(`${prefix}${key}`, value);
  const first = Object.keys(values)[0];
  if (first) target.commit(`${prefix}${first}`);
}

function partyName(p: Party): string {
  return p.nameZh || p.nameEn;
}

/**
 * F3 in a party box (境内收发货人, 消费使用单位, 申报单位, 境外收发货人) or its 企业库 button: the
 * parties of that role by code, name or pinyin initials; the one chosen fills the box's code,
 * name, USCC and CIQ code together.
 */
export function PartyPicker({ target, slot }: { target: PickerTarget; slot: PartySlot }) {
  const t = useLibraryT();
  const locale = useUi((s) => s.locale);
  const notify = useUi((s) => s.notify);
  const close = useLibraryUi((s) => s.openPartyPicker);
  const [query, setQuery] = useState(() => {
    const fields = partySlotFields(slot, target.ieFlag);
    return target.doc.head[fields.name ?? fields.nameEn ?? ''] ?? '';
  });
  const [onlyRole, setOnlyRole] = useState(true);
  const parties = useQuery({
    queryKey: ['parties', 'search', query, onlyRole ? slot : null],
    queryFn: () => api.invoke('parties.search', { query, ...(onlyRole ? { role: slot } : {}) }),
    placeholderData: keepPreviousData,
  });
  const box = partyRoleLabels[slot][locale === 'en' ? 'en' : 'zh'];
  const back = () => {
    const path = useEditorUi.getState().currentPath;
    close(null);
    if (path) useEditorUi.getState().requestFocus(path, target.ieFlag);
  };

  function pick(party: Party): void {
    writeAll(target, 'head.', partyHeadValues(slot, party, target.ieFlag));
    notify({ kind: 'info', message: (l) => libraryMessages[l].filled(partyName(party)) });
    // The box is filled: the cursor goes on to the field after it, as Enter on the box's last field would.
    const box = new Set(Object.values(partySlotFields(slot, target.ieFlag)).map((key) => `head.${key}`));
    close(null);
    focusAfter(box, target.ieFlag, useEditorUi.getState().currentPath);
  }

  return (
    <SearchPicker
      title={t.pickParty(box)}
      searchLabel={t.searchParties}
      hint={t.pickHint}
      empty={t.noMatches}
      closeLabel={t.close}
      query={query}
      onQuery={setQuery}
      items={parties.data ?? []}
      itemKey={(p) => p.id}
      renderItem={(p) => (
        <>
          <span className="name">{partyName(p)}</span> <span className="code">{p.customsCode || p.uscc}</span>{' '}
          <span className="muted">
            {listWords(
              p.roles.map((r) => partyRoleLabels[r][locale === 'en' ? 'en' : 'zh']),
              locale,
            )}
          </span>
        </>
      )}
      onPick={pick}
      onClose={back}
    >
      <label className="inline">
        <input type="checkbox" checked={onlyRole} onChange={(e) => setOnlyRole(e.target.checked)} /> {t.onlyRole}
      </label>
    </SearchPicker>
  );
}

/**
 * The declaration's 境内收发货人 as the product search takes it (its products rank first); values
 * longer than the search accepts are left out (a draft may hold them until its checks are met).
 */
export function declarationCustomer(head: Row): ProductCustomer | undefined {
  const pick = (key: string, max: number) => {
    const value = (head[key] ?? '').trim();
    return value !== '' && value.length <= max ? value : undefined;
  };
  const entries = Object.entries({
    code: pick('TradeCode', 100),
    uscc: pick('TradeCoScc', 100),
    name: pick('TradeName', 200),
  }).filter((e): e is [string, string] => e[1] !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as ProductCustomer) : undefined;
}

/**
 * F3 in a goods line or its 商品库 button: products by HS code, part number, name or pinyin
 * initials, the declaration's 境内收发货人's products first; the one chosen fills the line (HS code,
 * names, 申报要素, units, origin, price …), keeping its quantities; the cursor goes on to 成交数量.
 */
export function ProductPicker({ target, line }: { target: PickerTarget; line: number }) {
  const t = useLibraryT();
  const notify = useUi((s) => s.notify);
  const close = useLibraryUi((s) => s.openProductPicker);
  const row = target.doc.lines[line];
  const [query, setQuery] = useState(() => row?.CodeTS ?? row?.GName ?? '');
  const [customer] = useState(() => declarationCustomer(target.doc.head));
  const products = useQuery({
    queryKey: ['products', 'search', query, customer ?? null],
    queryFn: () => api.invoke('products.search', { query, ...(customer ? { customer } : {}) }),
    placeholderData: keepPreviousData,
  });
  if (!row) return null;
  const back = (path: string | null) => {
    close(null);
    if (path) useEditorUi.getState().requestFocus(path, target.ieFlag);
  };

  function pick(product: Product): void {
    if (!row) return;
    writeAll(target, `lines[${line}].`, productLineValues(product, target.ieFlag, row, lineDefaults(target.ieFlag)));
    void api.invoke('products.used', { id: product.id }).catch(() => undefined);
    notify({
      kind: 'info',
      message: (l) => libraryMessages[l].filled(product.fields.GName ?? product.fields.CodeTS ?? ''),
    });
    back(`lines[${line}].GQty`);
  }

  return (
    <SearchPicker
      title={t.pickProduct(line + 1)}
      searchLabel={t.searchProducts}
      hint={t.pickHint}
      empty={t.noMatches}
      closeLabel={t.close}
      query={query}
      onQuery={setQuery}
      items={products.data ?? []}
      itemKey={(p) => p.id}
      renderItem={(p) => (
        <>
          <span className="code">{p.fields.CodeTS}</span> <span className="name">{p.fields.GName}</span>{' '}
          <span className="muted">
            {[p.fields.GModel, p.fields.ExgNo, p.customer, p.learned ? t.learned : ''].filter(Boolean).join(' · ')}
          </span>
        </>
      )}
      onPick={pick}
      onClose={() => back(useEditorUi.getState().currentPath)}
    />
  );
}
