import { useEffect, useState } from 'react';
import type { ExtractResult } from '../../../shared/api';
import type { Box } from '../../../shared/extract/document';
import { api, errorNotice } from '../../api/client';
import { useUi } from '../../state/ui-store';
import { useExtractT } from './messages';

export interface PagePlace {
  file: number;
  page: number;
}

/**
 * The picture's box in the page's proportions, no taller than the dialog leaves room for: a whole page is seen at
 * once, so the highlight of a value at the foot of a page is not below the dialog's edge on a low screen.
 */
function sheetSize(size: { width: number; height: number }) {
  return {
    aspectRatio: `${size.width} / ${size.height}`,
    maxWidth: `calc((94vh - var(--extract-chrome)) * ${(size.width / size.height).toFixed(4)})`,
  };
}

/**
 * A page of a file read, as a picture, with the box of the value the broker is on drawn over it. Boxes are fractions
 * of the page, so the highlight needs no knowledge of the scale the picture was rendered at.
 */
export function PageView({
  result,
  place,
  onPlace,
  highlight,
}: {
  result: ExtractResult;
  place: PagePlace;
  onPlace(place: PagePlace): void;
  highlight: Box | null;
}) {
  const t = useExtractT();
  const locale = useUi((s) => s.locale);
  const [picture, setPicture] = useState<{ key: string; src: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const file = result.files[place.file];
  const pages = file?.pages.length ?? 0;
  const key = `${result.jobId}/${place.file}/${place.page}`;

  useEffect(() => {
    let live = true;
    api
      .invoke('extract.page', { jobId: result.jobId, file: place.file, page: place.page, maxWidth: 1400 })
      .then((p) => live && setPicture({ key, src: `data:image/png;base64,${p.pngBase64}` }))
      .catch((e: unknown) => live && setFailure(errorNotice(e)(locale)));
    return () => {
      live = false;
    };
  }, [key, result.jobId, place.file, place.page, locale]);

  const name = file?.fileName ?? '';
  const size = file?.pages[place.page];
  return (
    <section className="extract-page" aria-label={t.page(name, place.page + 1, pages)}>
      <div className="extract-page-nav">
        <button
          type="button"
          disabled={place.page === 0 && place.file === 0}
          onClick={() =>
            onPlace(
              place.page > 0
                ? { ...place, page: place.page - 1 }
                : { file: place.file - 1, page: (result.files[place.file - 1]?.pages.length ?? 1) - 1 },
            )
          }
        >
          {t.prevPage}
        </button>
        <span>{t.page(name, place.page + 1, pages)}</span>
        <button
          type="button"
          disabled={place.page >= pages - 1 && place.file >= result.files.length - 1}
          onClick={() =>
            onPlace(place.page < pages - 1 ? { ...place, page: place.page + 1 } : { file: place.file + 1, page: 0 })
          }
        >
          {t.nextPage}
        </button>
      </div>
      {failure ? <p className="error-text">{failure}</p> : null}
      <div className="extract-sheet" style={size ? sheetSize(size) : undefined}>
        {picture?.key === key ? <img src={picture.src} alt={t.picture(name, place.page + 1)} /> : null}
        {highlight && highlight.page === place.page ? (
          <div
            className="extract-highlight"
            data-testid="extract-highlight"
            style={{
              left: `${highlight.x * 100}%`,
              top: `${highlight.y * 100}%`,
              width: `${highlight.w * 100}%`,
              height: `${highlight.h * 100}%`,
            }}
          />
        ) : null}
      </div>
    </section>
  );
}
