// The session_analysis of a session, consistent with its task: issues, action items tied to
// those issues, a timeline and sometimes a suggested prompt.

import type { Rng } from '../random';
import type {
  SessionAnalysisActionItem,
  SessionAnalysisData,
  SessionAnalysisFeedbackItem,
  SessionAnalysisIssue,
  SessionAnalysisTimelineEvent,
} from '../types';
import type { Task } from './tasks';
import {
  ACTION_ITEM_TEXTS,
  ACTION_ITEM_TYPES,
  IMPACTS,
  ISSUE_LABELS,
  ISSUE_TEXTS,
  SUGGESTED_PROMPT_ADDITIONS,
  TIMELINE_STEPS,
} from './vocab-analysis';

function fill(text: string, subject: string, repo: string): string {
  return text.replaceAll('{x}', subject).replaceAll('{repo}', repo);
}

/** A session_analysis consistent with the task: issue indices referenced by action items exist. */
export function generateAnalysis(
  rng: Rng,
  task: Task,
  repo: string,
  originalPrompt: string | null,
): SessionAnalysisData {
  const issues: SessionAnalysisIssue[] = [];
  const issueCount = rng.weighted([0, 1, 2, 3, 4], [20, 35, 25, 13, 7]);
  for (let i = 0; i < issueCount; i++) {
    const label = rng.pick(ISSUE_LABELS);
    issues.push({
      issue: fill(rng.pick(ISSUE_TEXTS[label]), task.subject, repo),
      impact: rng.weighted(IMPACTS, [20, 50, 30]),
      label,
    });
  }

  const actionItems: SessionAnalysisActionItem[] = [];
  const actionCount = rng.weighted([0, 1, 2, 3, 4], [25, 30, 25, 12, 8]);
  for (let i = 0; i < actionCount; i++) {
    const type = rng.pick(ACTION_ITEM_TYPES);
    const linked = issues.length > 0 && rng.chance(0.7);
    actionItems.push({
      action_item: fill(rng.pick(ACTION_ITEM_TEXTS[type]), task.subject, repo),
      issue_id: linked ? String(rng.int(0, issues.length - 1)) : null,
      type,
    });
  }

  const timeline: SessionAnalysisTimelineEvent[] = [];
  const steps = rng.sample(TIMELINE_STEPS, rng.int(2, 6));
  for (const [title, description] of steps) {
    timeline.push({ title, description: fill(description, task.subject, repo) });
  }

  let suggestedPrompt: SessionAnalysisData['suggested_prompt'] = null;
  if (originalPrompt !== null && rng.chance(0.55)) {
    const additions = rng
      .sample(SUGGESTED_PROMPT_ADDITIONS, rng.int(1, 3))
      .map((a) => fill(a, task.subject, repo));
    const feedback: SessionAnalysisFeedbackItem[] = [];
    const feedbackCount = rng.int(1, 3);
    for (let i = 0; i < feedbackCount; i++) {
      const issueIndex = issues.length > 0 && rng.chance(0.75) ? rng.int(0, issues.length - 1) : -1;
      const issue = issueIndex >= 0 ? issues[issueIndex] : undefined;
      feedback.push({
        issue_id: issueIndex >= 0 ? String(issueIndex) : null,
        summary: issue ? `Address: ${issue.label.replaceAll('_', ' ')}` : 'Be more specific',
        excerpt: rng.chance(0.85) ? originalPrompt.slice(0, rng.int(30, 90)) : null,
        details: rng.chance(0.8) ? (issue?.issue ?? additions[0] ?? null) : null,
      });
    }
    suggestedPrompt = {
      original_prompt: originalPrompt,
      suggested_prompt: `${originalPrompt}\n\n${additions.join('\n')}`,
      feedback_items: feedback,
    };
  }

  return { issues, action_items: actionItems, timeline, suggested_prompt: suggestedPrompt };
}
