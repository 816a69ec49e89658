/**
 * The dialog's state: the page's approval view (loaded once, replaced by every action's answer),
 * the history pages loaded with "Show more", and the action runner (one call at a time, a flag
 * and the byline property written after success, the failure kept for the form that caused it).
 */
import { useCallback, useState } from 'react';
import { showFlag } from '@forge/bridge';
import { type z } from 'zod';
import { type BylinePropertyValue, storedBylineIsNewer } from '../../shared/byline';
import { type bylineContract, type PageApprovalView } from '../../shared/contract/byline';
import { type HistoryEntryView } from '../../shared/contract/common';
import { type ApiFailure } from '../shared/api';
import { useApiResource } from '../shared/use-api-resource';
import { useSingleFlight } from '../shared/use-single-flight';
import { type ActionKind, callByline } from './byline-api';
import { saveBylineProperty } from './byline-property';
import { flagFor } from './presentation';

type Contract = typeof bylineContract;
type ActionFunction = 'submit' | 'approve' | 'reject' | 'withdraw' | 'override';

const FUNCTION_OF = {
  submit: 'submit',
  resubmit: 'submit',
  approve: 'approve',
  reject: 'reject',
  withdraw: 'withdraw',
  override: 'override',
} as const satisfies Record<ActionKind, ActionFunction>;

export type ActionPayload<K extends ActionKind> = z.input<Contract[(typeof FUNCTION_OF)[K]]>;

export interface ActionFailure {
  kind: ActionKind;
  error: ApiFailure;
}

export interface HistoryState {
  entries: HistoryEntryView[];
  hasMore: boolean;
  loadingMore: boolean;
  error: ApiFailure | undefined;
  showMore(): Promise<void>;
}

export interface ActionState {
  busy: ActionKind | null;
  failure: ActionFailure | undefined;
  /** Runs an action; true when it succeeded (the view is then already the new one). */
  act<K extends ActionKind>(kind: K, payload: ActionPayload<K>): Promise<boolean>;
  /** Forgets the last failure, e.g. when its form is cancelled. */
  clearFailure(): void;
  /**
   * The person edited a field: a validation message about their input goes, since they are fixing
   * it; a refusal about the page's state stays until they reload.
   */
  inputChanged(): void;
}

export interface PageApproval {
  view: PageApprovalView | undefined;
  loadError: ApiFailure | undefined;
  loading: boolean;
  /** Reads the page's approval again, e.g. after someone else acted at the same time. */
  reload(): Promise<void>;
  history: HistoryState;
  actions: ActionState;
  /** The byline value this dialog stored after an action, for Confluence to redraw the byline with. */
  bylineShown: BylinePropertyValue | null;
}

interface MoreHistory {
  /** The view these older entries continue; a new view starts its history afresh. */
  base: PageApprovalView;
  entries: HistoryEntryView[];
  cursor: string | undefined;
}

/**
 * Best effort: the action already succeeded, and the effects consumer writes the same value
 * moments later, which every later page view shows.
 */
async function savedByline(value: BylinePropertyValue): Promise<BylinePropertyValue | null> {
  try {
    return await saveBylineProperty(value);
  } catch {
    return null;
  }
}

export function usePageApproval(): PageApproval {
  const resource = useApiResource(() => callByline('getPageApproval', {}));
  const { data: view, replace, reload: reloadView } = resource;
  const { busy: actionBusy, run: runAction } = useSingleFlight<ActionKind>();
  const { busy: historyBusy, run: runHistory } = useSingleFlight<'history'>();
  const [failure, setFailure] = useState<ActionFailure | undefined>(undefined);
  const [more, setMore] = useState<MoreHistory | null>(null);
  const [historyError, setHistoryError] = useState<ApiFailure | undefined>(undefined);
  const [bylineShown, setBylineShown] = useState<BylinePropertyValue | null>(null);

  const storeByline = useCallback(async (value: BylinePropertyValue): Promise<void> => {
    const shown = await savedByline(value);
    // Two actions' writes may finish in either order: the later page state wins here too.
    if (shown !== null) setBylineShown((current) => (current !== null && storedBylineIsNewer(current, shown) ? current : shown));
  }, []);

  const reload = useCallback(async (): Promise<void> => {
    setFailure(undefined);
    setHistoryError(undefined);
    await reloadView();
  }, [reloadView]);

  const act = useCallback(
    async <K extends ActionKind>(kind: K, payload: ActionPayload<K>): Promise<boolean> => {
      const succeeded = await runAction(kind, async () => {
        setFailure(undefined);
        const result = await callByline(FUNCTION_OF[kind], payload);
        if (!result.ok) {
          setFailure({ kind, error: result.error });
          return false;
        }
        replace(result.data);
        setHistoryError(undefined);
        const flag = flagFor(kind, result.data);
        showFlag({ id: `approval-${kind}-${Date.now()}`, type: 'success', title: flag.title, description: flag.description, isAutoDismiss: true });
        void storeByline(result.data.byline);
        return true;
      });
      return succeeded === true;
    },
    [runAction, replace, storeByline],
  );

  const clearFailure = useCallback(() => setFailure(undefined), []);
  const inputChanged = useCallback(() => setFailure((current) => (current?.error.code === 'VALIDATION' ? undefined : current)), []);

  const continued = view !== undefined && more !== null && more.base === view ? more : null;
  const cursor = continued === null ? view?.history.cursor : continued.cursor;
  const entries = view === undefined ? [] : [...view.history.entries, ...(continued?.entries ?? [])];

  const showMore = useCallback(async (): Promise<void> => {
    if (view === undefined || cursor === undefined) return;
    await runHistory('history', async () => {
      setHistoryError(undefined);
      const result = await callByline('getPageHistory', { cursor });
      if (!result.ok) {
        setHistoryError(result.error);
        return;
      }
      setMore((previous) => {
        const earlier = previous !== null && previous.base === view ? previous.entries : [];
        return { base: view, entries: [...earlier, ...result.data.entries], cursor: result.data.cursor };
      });
    });
  }, [cursor, runHistory, view]);

  return {
    view,
    loadError: resource.error,
    loading: resource.loading,
    reload,
    history: { entries, hasMore: cursor !== undefined, loadingMore: historyBusy !== null, error: historyError, showMore },
    actions: { busy: actionBusy, failure, act, clearFailure, inputChanged },
    bylineShown,
  };
}
