import type { Handlers } from '../api/dispatch';
import type { ExtractApply } from './extract-apply';
import type { ExtractJobs } from './extract-jobs';

type ExtractMethods =
  | 'extract.start'
  | 'extract.status'
  | 'extract.cancel'
  | 'extract.result'
  | 'extract.page'
  | 'extract.apply'
  | 'extract.undo'
  | 'extract.lastWrite';

/** The contract handlers of goods lines read from an invoice and packing list. */
export function createExtractHandlers(deps: {
  jobs: ExtractJobs;
  apply: ExtractApply;
}): Pick<Handlers, ExtractMethods> {
  const { jobs, apply } = deps;
  return {
    'extract.start': (input) => jobs.start(input),
    'extract.status': ({ jobId }) => jobs.status(jobId),
    'extract.cancel': ({ jobId }) => jobs.cancel(jobId),
    'extract.result': ({ jobId }) => jobs.result(jobId),
    'extract.page': (input) => jobs.page(input),
    'extract.apply': (input) => apply.apply(input),
    'extract.undo': (input) => apply.undo(input),
    'extract.lastWrite': (input) => apply.lastWrite(input),
  };
}
