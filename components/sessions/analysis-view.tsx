/**
 * A session's analysis, ordered for triage: what went wrong (issues) and what to do about it
 * (action items) first, then how the session went (timeline) and how to prompt it better.
 * Every list shows its first entries and every text its beginning until asked for more.
 */
import type { SessionAnalysis } from '../../utils/api/schemas';
import { ANALYSIS_TEXT_PREVIEW_CHARS } from '../../utils/db/long-texts';
import { formatCount } from '../../utils/format';
import { t } from '../../utils/i18n';
import { humanize } from '../shared/labels';
import { type IssueRef, resolveIssueRef } from './analysis';
import { BoundedList } from './bounded-list';
import { DetailSection } from './detail-section';
import { clipText, LongText } from './long-text';
import { PromptDiff } from './prompt-diff';
import './analysis-view.css';
import { impactWord } from './value-words';

/** Where the analysis's texts are in the session (whole-texts.ts). */
const AT = 'session_analysis';
const FEEDBACK = `${AT}.suggested_prompt.feedback_items`;

/** Characters of an issue quoted where an action item or feedback item points at it. */
const MENTION_CHARS = 200;

function IssueLink(props: { target: IssueRef }) {
  const { target } = props;
  if (target.issue && target.index !== null) {
    return (
      <span class="linked-issue">
        <span class="muted">
          {t('sessions.detail.issueNumber', [formatCount(target.index + 1)])}
        </span>{' '}
        {clipText(target.issue.issue, MENTION_CHARS)}
      </span>
    );
  }
  return (
    <span class="linked-issue muted">
      {t('sessions.detail.unknownIssue', [clipText(target.raw, MENTION_CHARS)])}
    </span>
  );
}

function impactTone(impact: string): string {
  const value = impact.toLowerCase();
  return value === 'high' || value === 'medium' || value === 'low' ? value : 'other';
}

export function AnalysisView(props: { analysis: SessionAnalysis }) {
  const { issues, action_items: actionItems, timeline, suggested_prompt: prompt } = props.analysis;
  const summary = [
    t('sessions.analysis.issueCount', issues.length, [formatCount(issues.length)]),
    t('sessions.analysis.actionItemCount', actionItems.length, [formatCount(actionItems.length)]),
    t('sessions.analysis.timelineStepCount', timeline.length, [formatCount(timeline.length)]),
    prompt ? t('sessions.analysis.withPrompt') : t('sessions.analysis.withoutPrompt'),
  ].join(' · ');
  return (
    <div class="analysis">
      <h3 class="analysis-heading">
        {t('sessions.analysis.heading')} <span class="muted analysis-summary">{summary}</span>
      </h3>

      <DetailSection title={t('sessions.analysis.issues')} id="issues" count={issues.length}>
        {issues.length > 0 ? (
          <BoundedList
            items={issues}
            as="ol"
            class="issues"
            showAll={(n) => t('sessions.detail.showAllIssues', n, [formatCount(n)])}
            render={(issue, index) => (
              <li key={index} class="issue">
                <span class="issue-number">#{index + 1}</span>
                <span class={`impact impact-${impactTone(issue.impact)}`}>
                  {t('sessions.analysis.impact', [impactWord(issue.impact)])}
                </span>
                <span class="label-chip">{humanize(issue.label)}</span>
                <LongText
                  text={issue.issue}
                  path={`${AT}.issues.${index}.issue`}
                  as="span"
                  class="issue-text"
                  preview={ANALYSIS_TEXT_PREVIEW_CHARS}
                />
              </li>
            )}
          />
        ) : (
          <p class="muted">{t('sessions.analysis.noIssues')}</p>
        )}
      </DetailSection>

      <DetailSection
        title={t('sessions.analysis.actionItems')}
        id="action-items"
        count={actionItems.length}
      >
        {actionItems.length > 0 ? (
          <BoundedList
            items={actionItems}
            as="ul"
            class="action-items"
            showAll={(n) => t('sessions.detail.showAllActionItems', n, [formatCount(n)])}
            render={(item, index) => {
              const target = resolveIssueRef(issues, item.issue_id);
              return (
                <li key={index} class="action-item">
                  <span class="label-chip">{humanize(item.type)}</span>
                  <LongText
                    text={item.action_item}
                    path={`${AT}.action_items.${index}.action_item`}
                    as="span"
                    class="action-text"
                    preview={ANALYSIS_TEXT_PREVIEW_CHARS}
                  />
                  {target ? <IssueLink target={target} /> : null}
                </li>
              );
            }}
          />
        ) : (
          <p class="muted">{t('sessions.analysis.noActionItems')}</p>
        )}
      </DetailSection>

      <DetailSection title={t('sessions.analysis.timeline')} id="timeline" count={timeline.length}>
        {timeline.length > 0 ? (
          <BoundedList
            items={timeline}
            as="ol"
            class="timeline"
            showAll={(n) => t('sessions.detail.showAllTimelineSteps', n, [formatCount(n)])}
            render={(event, index) => (
              <li key={index}>
                <p class="timeline-title">{event.title}</p>
                <LongText
                  text={event.description}
                  path={`${AT}.timeline.${index}.description`}
                  as="p"
                  class="timeline-description"
                  preview={ANALYSIS_TEXT_PREVIEW_CHARS}
                />
              </li>
            )}
          />
        ) : (
          <p class="muted">{t('sessions.analysis.noTimeline')}</p>
        )}
      </DetailSection>

      <DetailSection title={t('sessions.analysis.suggestedPrompt')} id="suggested-prompt">
        {prompt ? (
          <PromptDiff original={prompt.original_prompt} suggested={prompt.suggested_prompt} />
        ) : (
          <p class="muted">{t('sessions.analysis.noSuggestedPrompt')}</p>
        )}
      </DetailSection>

      {prompt && prompt.feedback_items.length > 0 ? (
        <DetailSection
          title={t('sessions.analysis.feedback')}
          id="feedback"
          count={prompt.feedback_items.length}
        >
          <BoundedList
            items={prompt.feedback_items}
            as="ul"
            class="feedback"
            showAll={(n) => t('sessions.detail.showAllFeedback', n, [formatCount(n)])}
            render={(item, index) => {
              const target = resolveIssueRef(issues, item.issue_id);
              return (
                <li key={index} class="feedback-item">
                  {item.summary ? (
                    <LongText
                      text={item.summary}
                      path={`${FEEDBACK}.${index}.summary`}
                      as="p"
                      class="feedback-summary"
                      preview={ANALYSIS_TEXT_PREVIEW_CHARS}
                    />
                  ) : null}
                  {item.excerpt ? (
                    <blockquote class="excerpt">
                      <span class="visually-hidden">{t('sessions.detail.excerpt')} </span>
                      <LongText
                        text={item.excerpt}
                        path={`${FEEDBACK}.${index}.excerpt`}
                        as="span"
                        preview={ANALYSIS_TEXT_PREVIEW_CHARS}
                      />
                    </blockquote>
                  ) : null}
                  {item.details ? (
                    <LongText
                      text={item.details}
                      path={`${FEEDBACK}.${index}.details`}
                      as="p"
                      class="feedback-details"
                      preview={ANALYSIS_TEXT_PREVIEW_CHARS}
                    />
                  ) : null}
                  {target ? <IssueLink target={target} /> : null}
                </li>
              );
            }}
          />
        </DetailSection>
      ) : null}
    </div>
  );
}
