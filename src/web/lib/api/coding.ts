import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  codeAnswer as codeAnswerSchema,
  runResult as runResultSchema,
  type CodeAnswer,
  type CodeAnswerBody,
  type Interview,
  type RunCodeBody,
} from '../../../contract/index.js';
import { apiRequest } from '../api-client.js';
import { interviewKeys, interviewPath } from './interviews.js';

/** Runs code on a coding question's public examples. */
export function useRunCode(interviewId: string, questionId: string) {
  return useMutation({
    mutationFn: (body: RunCodeBody) =>
      apiRequest(interviewPath(interviewId, `/questions/${encodeURIComponent(questionId)}/run`), {
        method: 'POST',
        body,
        schema: runResultSchema,
      }),
  });
}

/** Submits code as the answer: every test runs and the answer is graded. */
export function useSubmitCode(interviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CodeAnswerBody) =>
      apiRequest(interviewPath(interviewId, '/answers'), { method: 'POST', body, schema: codeAnswerSchema }),
    onSuccess: (saved: CodeAnswer) => {
      queryClient.setQueryData<Interview>(interviewKeys.detail(interviewId), (old) => {
        if (!old) return old;
        const answers = [...old.answers.filter((a) => a.questionId !== saved.questionId), saved];
        return { ...old, answers, answeredCount: new Set(answers.map((a) => a.questionId)).size };
      });
      void queryClient.invalidateQueries({ queryKey: interviewKeys.lists() });
      // A coding question answered again is a retry too: its attempts list grows.
      void queryClient.invalidateQueries({ queryKey: [...interviewKeys.all, 'attempts', interviewId] });
    },
  });
}
