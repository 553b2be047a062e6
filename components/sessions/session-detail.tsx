/**
 * One session in full: every field, then its analysis laid out for reading. The full record is
 * read for this one session only (from the page that holds its latest copy). Everything from the API is text; only
 * http(s) URLs become links.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Session, SessionAnalysis } from '../../utils/api/schemas';
import { toEpochMs } from '../../utils/api/time';
import { readCacheSummary, readSession } from '../../utils/db/reads';
import type { SessionDetail as SessionDetailRecord, SessionRow } from '../../utils/db/types';
import type { Directory } from '../shared/directory';
import { formatAcus, formatExact, plural } from '../shared/format';
import { humanize } from '../shared/labels';
import { SafeLink } from '../shared/safe-link';
import { useLiveQuery } from '../shared/use-live-query';
import { type IssueRef, resolveIssueRef } from './analysis';
import { useDatabase } from './env';
import { Fact } from './fact';
import { FirstPrompt } from './first-prompt';
import { GenerateAnalysis } from './generate-analysis';
import { ANALYSIS_TEXT_PREVIEW_CHARS, LongText } from './long-text';
import { MoreFacts } from './more-facts';
import { CopyButton, PrLink, RelativeTime, StatusBadge, Tag } from './parts';
import { PromptDiff } from './prompt-diff';
import { StopSession } from './stop-session';
import './session-detail.css';

export interface SessionDetailProps {
  sessionId: string;
  /** The list row, when known: the header shows at once while the full record loads. */
  row: SessionRow | null;
  directory: Directory;
  now: number;
  onBack: () => void;
  /** Opens another session (a parent or child) in place of this one. */
  onOpenSession?: (id: string) => void;
  /** Moves focus to the back button when the view opens (keyboard and screen readers). */
  autoFocus?: boolean;
}

export function SessionDetailView(props: SessionDetailProps) {
  const db = useDatabase();
  const loaded = useLiveQuery<{ record: SessionDetailRecord | undefined } | null>(
    db &&
      (async () => {
        // Read for Dexie to re-run this query when the cache changes: a newer copy of the
        // session is stored with pages Dexie does not report, and the summary with them.
        await readCacheSummary(db);
        const session = await readSession(db, props.sessionId);
        return { record: session ? { session_id: props.sessionId, session } : undefined };
      }),
    [db, props.sessionId],
    null,
  );
  const backRef = useRef<HTMLButtonElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    bodyRef.current?.scrollTo?.({ top: 0 });
    if (props.autoFocus) backRef.current?.focus({ preventScroll: true });
  }, [props.sessionId]);

  const session = loaded?.record?.session ?? null;
  const row = props.row;
  const title = session?.title || row?.title || row?.first_line || props.sessionId;

  return (
    <section class="detail" aria-labelledby="detail-title">
      <header class="detail-head">
        <button
          type="button"
          class="back"
          ref={backRef}
          onClick={props.onBack}
          title="Back to the list (Esc)"
        >
          <span aria-hidden="true">←</span> Back
        </button>
        <h2 id="detail-title" class="detail-title" title={title}>
          {title}
        </h2>
        <div class="detail-actions">
          {(session ?? row) ? (
            <SafeLink href={(session ?? row)?.url} class="button-link">
              Open in Devin
            </SafeLink>
          ) : null}
          <CopyButton text={props.sessionId} label="Copy the session id" caption="Copy id" />
        </div>
      </header>
      <div class="detail-body" ref={bodyRef}>
        {loaded === null ? (
          <p class="muted detail-note">Loading…</p>
        ) : session ? (
          <>
            <StopSession
              sessionId={props.sessionId}
              name={title}
              acus={session.acus_consumed}
              status={session.status}
            />
            <SessionFields
              session={session}
              directory={props.directory}
              now={props.now}
              onOpenSession={props.onOpenSession}
            />
          </>
        ) : (
          <p class="detail-note">
            This session is not in the cache. It may be outside the history window, or belong to an
            organization that is no longer synced.
          </p>
        )}
      </div>
    </section>
  );
}

function SessionFields(props: {
  session: Session;
  directory: Directory;
  now: number;
  onOpenSession?: (id: string) => void;
}) {
  const { session, directory, now } = props;
  const created = toEpochMs(session.created_at);
  const updated = toEpochMs(session.updated_at);
  const orgName = directory.orgName(session.org_id);
  const member = session.user_id ? directory.member(session.user_id) : null;
  return (
    <>
      <dl class="facts">
        <Fact label="Status">
          <StatusBadge status={session.status} detail={session.status_detail} />
        </Fact>
        <Fact label="ACUs">{formatAcus(session.acus_consumed)}</Fact>
        <Fact label="Created">
          <RelativeTime at={created} now={now} prefix="Created" />{' '}
          <span class="muted">{formatExact(created)}</span>
        </Fact>
        <Fact label="Updated">
          <RelativeTime at={updated} now={now} prefix="Updated" />{' '}
          <span class="muted">{formatExact(updated)}</span>
        </Fact>
        <Fact label="Organization">
          {orgName ?? <span class="mono">{session.org_id}</span>}
          {orgName ? <span class="fact-sub mono">{session.org_id}</span> : null}
        </Fact>
        <Fact label="User">
          {session.user_id ? (
            <>
              {member?.name || member?.email || <span class="mono">{session.user_id}</span>}
              {member?.name && member.email ? <span class="fact-sub">{member.email}</span> : null}
              {member ? <span class="fact-sub mono">{session.user_id}</span> : null}
            </>
          ) : (
            <span class="muted">None</span>
          )}
        </Fact>
        <Fact label="Session id">
          <span class="mono">{session.session_id}</span>
        </Fact>
        <Fact label="Devin URL">
          <SafeLink href={session.url} class="break" />
        </Fact>
        <Fact label="Tags" wide>
          {session.tags.length > 0 ? (
            <span class="tags">
              {session.tags.map((tag) => (
                <Tag key={tag} tag={tag} />
              ))}
            </span>
          ) : (
            <span class="muted">None</span>
          )}
        </Fact>
        <Fact label="Pull requests" wide>
          {session.pull_requests.length > 0 ? (
            <ul class="pr-list">
              {session.pull_requests.map((pr) => (
                <li key={pr.url}>
                  <PrLink pr={pr} size="full" />
                </li>
              ))}
            </ul>
          ) : (
            <span class="muted">None</span>
          )}
        </Fact>
        <MoreFacts session={session} onOpenSession={props.onOpenSession} />
      </dl>

      <Section title="First message" id="first-message">
        <FirstPrompt session={session} />
      </Section>

      {session.session_analysis ? (
        <AnalysisView analysis={session.session_analysis} />
      ) : (
        <Section title="Analysis" id="analysis">
          <GenerateAnalysis session={session} />
        </Section>
      )}
    </>
  );
}

function Section(props: {
  title: string;
  id: string;
  count?: number;
  children: ComponentChildren;
}) {
  return (
    <section class="detail-section" aria-labelledby={`section-${props.id}`}>
      <h3 id={`section-${props.id}`}>
        {props.title}
        {props.count !== undefined ? <span class="count">{props.count}</span> : null}
      </h3>
      {props.children}
    </section>
  );
}

function IssueLink(props: { target: IssueRef }) {
  const { target } = props;
  if (target.issue && target.index !== null) {
    return (
      <span class="linked-issue">
        <span class="muted">Issue #{target.index + 1}:</span> {target.issue.issue}
      </span>
    );
  }
  return (
    <span class="linked-issue muted">
      Refers to issue “{target.raw}”, which is not in this analysis
    </span>
  );
}

function impactTone(impact: string): string {
  const value = impact.toLowerCase();
  return value === 'high' || value === 'medium' || value === 'low' ? value : 'other';
}

function AnalysisView(props: { analysis: SessionAnalysis }) {
  const { issues, action_items: actionItems, timeline, suggested_prompt: prompt } = props.analysis;
  const summary = [
    plural(issues.length, 'issue'),
    plural(actionItems.length, 'action item'),
    plural(timeline.length, 'timeline step'),
    prompt ? 'a suggested prompt' : 'no suggested prompt',
  ].join(' · ');
  return (
    <div class="analysis">
      <h3 class="analysis-heading">
        Analysis <span class="muted analysis-summary">{summary}</span>
      </h3>

      <Section title="Issues" id="issues" count={issues.length}>
        {issues.length > 0 ? (
          <ol class="issues">
            {issues.map((issue, index) => (
              <li key={index} class="issue">
                <span class="issue-number">#{index + 1}</span>
                <span class={`impact impact-${impactTone(issue.impact)}`}>
                  {humanize(issue.impact)} impact
                </span>
                <span class="label-chip">{humanize(issue.label)}</span>
                <LongText
                  text={issue.issue}
                  as="span"
                  class="issue-text"
                  preview={ANALYSIS_TEXT_PREVIEW_CHARS}
                />
              </li>
            ))}
          </ol>
        ) : (
          <p class="muted">No issues found.</p>
        )}
      </Section>

      <Section title="Action items" id="action-items" count={actionItems.length}>
        {actionItems.length > 0 ? (
          <ul class="action-items">
            {actionItems.map((item, index) => {
              const target = resolveIssueRef(issues, item.issue_id);
              return (
                <li key={index} class="action-item">
                  <span class="label-chip">{humanize(item.type)}</span>
                  <LongText
                    text={item.action_item}
                    as="span"
                    class="action-text"
                    preview={ANALYSIS_TEXT_PREVIEW_CHARS}
                  />
                  {target ? <IssueLink target={target} /> : null}
                </li>
              );
            })}
          </ul>
        ) : (
          <p class="muted">No action items.</p>
        )}
      </Section>

      <Section title="Suggested prompt" id="suggested-prompt">
        {prompt ? (
          <PromptDiff original={prompt.original_prompt} suggested={prompt.suggested_prompt} />
        ) : (
          <p class="muted">No suggested prompt.</p>
        )}
      </Section>

      {prompt && prompt.feedback_items.length > 0 ? (
        <Section title="Feedback on the prompt" id="feedback" count={prompt.feedback_items.length}>
          <ul class="feedback">
            {prompt.feedback_items.map((item, index) => {
              const target = resolveIssueRef(issues, item.issue_id);
              return (
                <li key={index} class="feedback-item">
                  {item.summary ? <p class="feedback-summary">{item.summary}</p> : null}
                  {item.excerpt ? (
                    <blockquote class="excerpt">
                      <span class="visually-hidden">Excerpt of the prompt: </span>
                      {item.excerpt}
                    </blockquote>
                  ) : null}
                  {item.details ? (
                    <LongText
                      text={item.details}
                      as="p"
                      class="feedback-details"
                      preview={ANALYSIS_TEXT_PREVIEW_CHARS}
                    />
                  ) : null}
                  {target ? <IssueLink target={target} /> : null}
                </li>
              );
            })}
          </ul>
        </Section>
      ) : null}

      <Section title="Timeline" id="timeline" count={timeline.length}>
        {timeline.length > 0 ? (
          <ol class="timeline">
            {timeline.map((event, index) => (
              <li key={index}>
                <p class="timeline-title">{event.title}</p>
                <LongText
                  text={event.description}
                  as="p"
                  class="timeline-description"
                  preview={ANALYSIS_TEXT_PREVIEW_CHARS}
                />
              </li>
            ))}
          </ol>
        ) : (
          <p class="muted">No timeline.</p>
        )}
      </Section>
    </div>
  );
}
