import { useState } from 'react';
import type { Draft } from '../../../contract/index.js';
import type { DraftSaveState, DraftSaver, DraftSink } from './draft-saver.js';
import { useSyncedDraft } from './use-synced-draft.js';

export /** Hooks cannot be called conditionally; without a saver (practice) this is an inert stand-in. */
function useSyncedDraftIf(saver: DraftSaver | undefined, interviewId: string, questionId: string, serverDraft: Draft | undefined) {
  const [inert] = useState(() => new InertSink());
  return useSyncedDraft(saver ?? inert, saver ? interviewId : `inert:${interviewId}`, questionId, serverDraft);
}

class InertSink implements DraftSink {
  private readonly state: DraftSaveState = { kind: 'idle' };
  readonly subscribe = () => () => {};
  readonly getState = () => this.state;
  queue() {}
  forget() {}
}
