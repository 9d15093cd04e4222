import { lazy, Suspense } from 'react';
import { BridgeDialog } from './bridge-dialog';
import { useInterchange } from './interchange-store';
import { LineReport } from './line-report';
import { LinesDialog } from './lines-dialog';

// The print view is its own chunk: the form's layout is loaded when something is printed.
const PrintView = lazy(() => import('../print/print-view').then((m) => ({ default: m.PrintView })));

/** The interchange screens, mounted once beside the app's other dialogs. */
export function InterchangeDialogs() {
  const dialog = useInterchange((s) => s.dialog);
  const declarationId = useInterchange((s) => s.declarationId);
  return (
    <>
      <LinesDialog />
      <LineReport />
      <BridgeDialog />
      {dialog === 'print' && declarationId ? (
        <Suspense fallback={null}>
          <PrintView id={declarationId} />
        </Suspense>
      ) : null}
    </>
  );
}
