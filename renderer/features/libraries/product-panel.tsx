import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Product } from '../../../shared/api';
import type { Row } from '../../../shared/catalog';
import { findElement, goodsDeclaration, labelOf } from '../../../shared/catalog';
import { productFields } from '../../../shared/libraries';
import { api } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useT } from '../../i18n/use-t';
import { useUi } from '../../state/ui-store';
import { FieldInput } from '../../components/field-input';
import { issuesByField } from './form-errors';
import { LIBRARY_PAGE_SIZE, PagedLibraryTable, useLibraryPaging } from './library-pager';
import { LibraryFileButtons, RecordActions } from './library-actions';
import { useLibraryT } from './messages';
import { FormFooter } from '../../components/form-footer';

/** A product field's label: the goods-line element's, origin by meaning (原产国 whatever the direction). */
export function productFieldLabel(key: string, locale: 'zh-CN' | 'en'): string {
  const def = findElement(goodsDeclaration, 'lines', key);
  return def ? labelOf(def, locale, 'I') : key;
}

/** Add or change a product: the goods-line fields with their code pickers; each refusal shows at its field. */
function ProductForm({ product, onDone }: { product: Product | null; onDone(): void }) {
  const t = useLibraryT();
  const locale = useUi((s) => s.locale);
  const [fields, setFields] = useState<Row>(() => ({ ...(product?.fields ?? {}) }));
  const [customer, setCustomer] = useState(product?.customer ?? '');
  // The refusal itself, worded at each render (a language switch words it again).
  const [failure, setFailure] = useState<unknown>(null);
  const errors = issuesByField(failure, locale);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    try {
      await api.invoke('products.save', { customer, fields, ...(product ? { id: product.id } : {}) });
      await queryClient.invalidateQueries({ queryKey: ['products'] });
      onDone();
    } catch (e) {
      setFailure(e);
    }
  }

  return (
    <form
      noValidate
      className="library-form"
      onSubmit={(e) => void submit(e)}
      aria-label={product ? t.editProduct : t.newProduct}
    >
      {productFields.map((key) => {
        const def = findElement(goodsDeclaration, 'lines', key);
        if (!def) return null;
        return (
          <FieldInput
            key={key}
            id={`product-${key}`}
            path={`product.${key}`}
            def={def}
            label={productFieldLabel(key, locale)}
            value={fields[key] ?? ''}
            locale={locale}
            variant="form"
            readOnly={false}
            error={errors.fields.get(`fields.${key}`)}
            onChange={(_path, value) => setFields((f) => ({ ...f, [key]: value }))}
            onCommit={() => undefined}
          />
        );
      })}
      <div className={`field${errors.fields.has('customer') ? ' field-error' : ''}`}>
        <label htmlFor="product-customer">{t.customer}</label>
        <input
          id="product-customer"
          value={customer}
          autoComplete="off"
          onChange={(e) => setCustomer(e.target.value)}
        />
      </div>
      <FormFooter error={errors.message} onCancel={onDone} submitLabel={t.save} />
    </form>
  );
}

/**
 * 商品库: search (HS code, part number, name, pinyin initials), what was learned from releases, add, change, delete,
 * import and export.
 */
export function ProductPanel() {
  const t = useLibraryT();
  const app = useT();
  const locale = useUi((s) => s.locale);
  const [query, setQuery] = useState('');
  const [learnedOnly, setLearnedOnly] = useState(false);
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const paging = useLibraryPaging(JSON.stringify([query, learnedOnly]));
  const list = useQuery({
    queryKey: ['products', 'list', query, learnedOnly, paging.start],
    queryFn: () =>
      api.invoke('products.list', {
        query,
        ...(learnedOnly ? { learned: true } : {}),
        ...paging.start,
        limit: LIBRARY_PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });

  const columns = ['CodeTS', 'GName', 'GModel', 'GUnit', 'OriginCountry', 'DeclPrice', 'TradeCurr', 'ExgNo'];
  return (
    <section className="library-panel" aria-label={t.tabProducts}>
      <div className="library-toolbar">
        <label>
          {t.search}{' '}
          <input
            type="search"
            placeholder={t.searchProducts}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        <label className="inline">
          <input type="checkbox" checked={learnedOnly} onChange={(e) => setLearnedOnly(e.target.checked)} />{' '}
          {t.learnedOnly}
        </label>
        <LibraryFileButtons kind="products" onAdd={() => setEditing('new')} />
      </div>
      {editing ? (
        <ProductForm
          key={editing === 'new' ? 'new' : editing.id}
          product={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : null}
      <PagedLibraryTable label={t.tabProducts} list={list} paging={paging} filtered={query !== '' || learnedOnly}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c}>{productFieldLabel(c, locale)}</th>
            ))}
            <th>{t.customer}</th>
            <th>{app.actionsColumn}</th>
          </tr>
        </thead>
        <tbody>
          {(list.data?.items ?? []).map((p) => (
            <tr key={p.id}>
              {columns.map((c) => (
                <td key={c}>{p.fields[c] ?? ''}</td>
              ))}
              <td>
                {p.customer}
                {p.learned ? <div className="muted">{t.learnedFrom(p.learnedFrom)}</div> : null}
              </td>
              <td>
                <RecordActions kind="products" id={p.id} name={p.fields.GName ?? ''} onEdit={() => setEditing(p)} />
              </td>
            </tr>
          ))}
        </tbody>
      </PagedLibraryTable>
    </section>
  );
}
