import { AppError } from '../../../shared/api';
import type { LifecycleEvent } from '../../../shared/status';
import { deriveDisplayStatus, nextState } from '../../../shared/status';
import type { DeclarationState, DeclarationsRepo } from '../../db/repositories/declarations-repo';

/** What an event records beside the state change: when, by whom, and what it carried (its revision's `changes`). */
export interface TransitionInput {
  at: string;
  actor: string;
  changes: unknown;
  /** The CHANNEL after the event (a receipt's); the declaration's own when left out. */
  channel?: string | null;
  entryId?: string | null;
  seqNo?: string | null;
  /** The hub's or customs' findings after the event (JSON as stored); the declaration's own when left out. */
  rejection?: string | null;
}

export interface TransitionResult {
  revision: number;
  workflow: DeclarationState['workflow'];
  status: ReturnType<typeof deriveDisplayStatus>;
}

/**
 * Events whose revision number the declaration's row takes with its document (an edit's saveDoc, a delete's soft
 * delete): the lifecycle writes their state only when it changes, and never the revision twice.
 */
const revisionWithDocument: ReadonlySet<LifecycleEvent> = new Set(['edit', 'delete', 'complete']);

/** The refusal a broker reads for an event tried from the wrong state (a more telling one than the table's if any). */
function refusal(event: LifecycleEvent, row: DeclarationState): AppError {
  const seqNo = row.clientSeqNo;
  if (event === 'edit') return new AppError('declarations.not-editable', { seqNo });
  if (event === 'delete' && row.twoStep === 'complete' && row.entryId)
    return new AppError('declarations.complete-not-deletable', { seqNo, entryId: row.entryId });
  if (event === 'delete') return new AppError('declarations.not-a-draft', { seqNo });
  if (event === 'withdraw') return new AppError('declarations.not-in-outbox', { seqNo });
  if (event === 'declare' && row.workflow === 'queued') return new AppError('declarations.already-queued', { seqNo });
  if (event === 'declare' && row.workflow === 'sent') return new AppError('declarations.already-sent', { seqNo });
  const status = deriveDisplayStatus(row.workflow, row.channel, row.twoStep);
  return new AppError('declarations.transition-refused', { seqNo, event, status });
}

/**
 * The one place a declaration's state changes: checks the event against the lifecycle table (shared/status), derives
 * the status users see, bumps the revision and writes the state and the revision's history entry together. Callers
 * run it inside their own transaction, with the state they read in it.
 */
export function createLifecycle(repo: DeclarationsRepo) {
  /** Whether `event` may happen to `row` now (for events a caller skips rather than refuses, e.g. a late answer). */
  function allows(row: DeclarationState, event: LifecycleEvent): boolean {
    return nextState(event, row) !== null;
  }

  /** Throws the refusal a broker reads when `event` may not happen to `row` now. */
  function check(row: DeclarationState, event: LifecycleEvent): void {
    if (!allows(row, event)) throw refusal(event, row);
  }

  /** Applies `event` to `row` (as read in the caller's transaction); throws the refusal when the table forbids it. */
  function apply(row: DeclarationState, event: LifecycleEvent, input: TransitionInput): TransitionResult {
    const channel = input.channel === undefined ? row.channel : input.channel;
    const next = nextState(event, row, channel);
    if (!next) throw refusal(event, row);
    const revision = row.revision + 1;
    const state = {
      id: row.id,
      workflow: next.workflow,
      status: next.status,
      channel,
      entryId: input.entryId === undefined ? row.entryId : input.entryId,
      seqNo: input.seqNo === undefined ? row.seqNo : input.seqNo,
      rejection: input.rejection === undefined ? row.rejection : input.rejection,
      revision,
      updatedAt: input.at,
    };
    const changed =
      state.workflow !== row.workflow ||
      state.status !== deriveDisplayStatus(row.workflow, row.channel, row.twoStep) ||
      state.channel !== row.channel ||
      state.entryId !== row.entryId ||
      state.seqNo !== row.seqNo ||
      state.rejection !== row.rejection;
    if (changed || !revisionWithDocument.has(event)) repo.setState(state);
    repo.addRevision(row.id, revision, { at: input.at, actor: input.actor, action: event, changes: input.changes });
    return { revision, workflow: next.workflow, status: next.status };
  }

  /**
   * Records the first revision of a declaration just inserted (`create` or `import`), with the 海关编号 and 统一编号 a
   * file it was read from already carried.
   */
  function begin(id: string, event: 'create' | 'import', input: Omit<TransitionInput, 'channel' | 'rejection'>): void {
    const next = nextState(event, null);
    if (!next) throw new Error(`${event} does not start a declaration`);
    if (input.entryId || input.seqNo)
      repo.setState({
        id,
        workflow: next.workflow,
        status: next.status,
        channel: null,
        entryId: input.entryId ?? null,
        seqNo: input.seqNo ?? null,
        rejection: null,
        revision: 1,
        updatedAt: input.at,
      });
    repo.addRevision(id, 1, { at: input.at, actor: input.actor, action: event, changes: input.changes });
  }

  return { allows, check, apply, begin };
}

export type Lifecycle = ReturnType<typeof createLifecycle>;
