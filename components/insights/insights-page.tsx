/**
 * Insights: what the cached sessions of the whole enterprise say, at a glance. The URL holds the
 * view (the list's filters, plus `by=` for the stacked chart), so a view can be bookmarked and
 * shared. Every number links to the list showing exactly the sessions behind it.
 */
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { SessionFilters } from '../../utils/filters/model';
import {
  filtersFromSearchParams,
  filtersKey,
  filtersToSearchParams,
} from '../../utils/filters/url';
import type { InsightsResult } from '../../utils/insights/engine';
import { filtersUrl, type Selection } from '../../utils/insights/select';
import {
  actionTypesTable,
  costliestTable,
  dailyTable,
  GROUP_NOUNS,
  GROUP_TITLES,
  groupTable,
  impactsTable,
  labelsTable,
  type Names,
  prTable,
  seriesName,
  sessionsPerDayTable,
  type TableModel,
} from '../../utils/insights/tables';
import {
  FLAG_ANALYSIS,
  FLAG_ERROR,
  FLAG_HAS_PR,
  FLAG_ISSUES,
  FLAG_MERGED_PR,
  FLAG_SUGGESTED_PROMPT,
  GROUP_BYS,
  type GroupBy,
  type Insights,
} from '../../utils/insights/types';
import { formatCount, plural } from '../shared/format';
import { useNow } from '../shared/use-now';
import { useQueryInUrl } from '../shared/use-query-in-url';
import { BarChart, type ChartSeries } from './bar-chart';
import { FilterBar } from './filter-bar';
import { formatAcus, formatLongDay, formatPercent } from './format';
import { useNames } from './names';
import {
  CsvButton,
  DataTable,
  LinkScopeContext,
  Section,
  SelectLink,
  TableSection,
  useSelectionUrl,
} from './parts';
import { type Palette, usePalette } from './theme';
import { useInsights } from './use-insights';

const BY_PARAM = 'by';
const DEFAULT_BY: GroupBy = 'org';

interface View {
  filters: SessionFilters;
  by: GroupBy;
}

function viewFromUrl(search: string): View {
  const params = new URLSearchParams(search);
  const by = params.get(BY_PARAM);
  return {
    filters: filtersFromSearchParams(params),
    by: GROUP_BYS.includes(by as GroupBy) ? (by as GroupBy) : DEFAULT_BY,
  };
}

function viewToQuery(view: View): string {
  const params = filtersToSearchParams(view.filters);
  if (view.by !== DEFAULT_BY) params.set(BY_PARAM, view.by);
  return params.toString();
}

export function InsightsPage() {
  const [view, setView] = useState(() => viewFromUrl(location.search));
  useQueryInUrl(viewToQuery(view));

  const state = useInsights(view.filters);
  const names = useNames();
  const palette = usePalette();
  const now = useNow(60_000);
  const result = state.result;
  const current = result !== null && filtersKey(result.filters) === filtersKey(view.filters);
  const setFilters = (filters: SessionFilters) => setView((v) => ({ ...v, filters }));

  return (
    <div class="insights">
      <header class="page-head">
        <h1>
          <span class="brand-mark" aria-hidden="true">
            D
          </span>
          Insights
        </h1>
        <StatusLine result={result} current={current} mode={state.mode} error={state.error} />
        <a class="button-link" href={filtersUrl(view.filters)} target="_blank" rel="noopener">
          Open in the session list
        </a>
      </header>
      <FilterBar
        filters={view.filters}
        onChange={setFilters}
        names={names}
        orgIds={[...names.orgIds, ...(result?.insights.dictionaries.org ?? [])]}
        statuses={result?.insights.dictionaries.status ?? []}
        now={now}
      />
      {result === null ? (
        <p class="placeholder muted">{state.error ?? 'Reading the cached sessions…'}</p>
      ) : result.cached === 0 ? (
        <NothingCached />
      ) : result.insights.count === 0 ? (
        <div class="placeholder">
          <p>No session matches these filters.</p>
        </div>
      ) : (
        <LinkScopeContext.Provider value={{ insights: result.insights, filters: result.filters }}>
          <Report
            insights={result.insights}
            names={names}
            palette={palette}
            by={view.by}
            onBy={(by) => setView((v) => ({ ...v, by }))}
            stale={!current}
          />
        </LinkScopeContext.Provider>
      )}
    </div>
  );
}

function StatusLine(props: {
  result: InsightsResult | null;
  current: boolean;
  mode: 'worker' | 'page';
  error: string | null;
}) {
  const { result } = props;
  if (props.error) return <p class="status error-text">{props.error}</p>;
  if (!result) return <p class="status muted">Loading…</p>;
  const { timings } = result;
  const ms = Math.round(timings.filterMs + timings.computeMs);
  return (
    <p
      class="status muted"
      role="status"
      data-testid="insights-status"
      data-count={result.insights.count}
      data-partial={String(result.partial)}
      data-read-ms={timings.readMs.toFixed(1)}
      data-filter-ms={timings.filterMs.toFixed(1)}
      data-compute-ms={timings.computeMs.toFixed(1)}
      data-details-ms={timings.detailsMs.toFixed(1)}
    >
      {props.current ? null : 'Updating… · '}
      {formatCount(result.insights.count)} of {plural(result.cached, 'cached session')} ·{' '}
      <span title={`Read ${Math.round(timings.readMs)} ms, filtered and computed ${ms} ms`}>
        computed in {ms} ms {props.mode === 'worker' ? 'in a worker' : 'on the page'}
      </span>
      {result.partial || result.insights.totals.analysisPending > 0
        ? ` · reading the analysis of ${plural(result.insights.totals.analysisPending, 'session')}…`
        : null}
    </p>
  );
}

function NothingCached() {
  return (
    <div class="placeholder">
      <h2>No sessions cached yet</h2>
      <p class="muted">
        Insights are computed from the sessions the extension keeps in its cache. Add an API key and
        organizations in the options, and let the first sync finish.
      </p>
      <a class="button-link" href="options.html" target="_blank" rel="noopener">
        Open options
      </a>
    </div>
  );
}

function Kpi(props: {
  label: string;
  value: string;
  select?: Selection;
  sub?: ComponentChildren;
  testId?: string;
}) {
  return (
    <div class="kpi">
      <div class="kpi-label">{props.label}</div>
      <div class="kpi-value">
        {props.select ? (
          <SelectLink select={props.select} testId={props.testId}>
            {props.value}
          </SelectLink>
        ) : (
          <span data-testid={props.testId}>{props.value}</span>
        )}
      </div>
      {props.sub ? <div class="kpi-sub muted">{props.sub}</div> : null}
    </div>
  );
}

function Kpis(props: { insights: Insights }) {
  const t = props.insights.totals;
  const share = (part: number, whole: number) => (whole > 0 ? formatPercent(part / whole) : '–');
  return (
    <div class="kpis">
      <Kpi
        label="Sessions"
        value={formatCount(t.sessions)}
        select={{}}
        testId="kpi-sessions"
        sub={`${formatAcus(t.sessions > 0 ? t.acus / t.sessions : 0)} ACUs on average`}
      />
      <Kpi
        label="ACUs"
        value={formatAcus(t.acus)}
        select={{}}
        sub={`median ${formatAcus(t.medianAcus)} per session`}
      />
      <Kpi
        label="Error rate"
        value={share(t.errors, t.sessions)}
        select={t.errors > 0 ? { flags: FLAG_ERROR } : undefined}
        testId="kpi-errors"
        sub={plural(t.errors, 'session')}
      />
      <Kpi
        label="PRs opened"
        value={formatCount(t.prsOpened)}
        select={t.prsOpened > 0 ? { flags: FLAG_HAS_PR } : undefined}
        sub={`in ${plural(t.sessionsWithPr, 'session')}`}
      />
      <Kpi
        label="PRs merged"
        value={formatCount(t.prsMerged)}
        select={t.prsMerged > 0 ? { flags: FLAG_MERGED_PR } : undefined}
        sub={`${share(t.prsMerged, t.prsOpened)} of opened`}
      />
      <Kpi
        label="Analysed"
        value={formatCount(t.analysed)}
        select={t.analysed > 0 ? { flags: FLAG_ANALYSIS } : undefined}
        sub={
          t.withIssues > 0 ? (
            <SelectLink select={{ flags: FLAG_ISSUES }}>
              {formatCount(t.withIssues)} with issues
            </SelectLink>
          ) : (
            'none with issues'
          )
        }
      />
      <Kpi
        label="Suggested prompts"
        value={formatCount(t.withSuggestedPrompt)}
        select={t.withSuggestedPrompt > 0 ? { flags: FLAG_SUGGESTED_PROMPT } : undefined}
        testId="kpi-suggested"
        sub={`${share(t.withSuggestedPrompt, t.analysed)} of analysed sessions`}
      />
    </div>
  );
}

function Report(props: {
  insights: Insights;
  names: Names;
  palette: Palette;
  by: GroupBy;
  onBy: (by: GroupBy) => void;
  stale: boolean;
}) {
  const { insights, names, palette, by } = props;
  const tables = useMemo(
    () => ({
      daily: dailyTable(insights, by, names),
      users: groupTable(insights, 'user', names),
      orgs: groupTable(insights, 'org', names),
      statuses: groupTable(insights, 'status', names),
      costliest: costliestTable(insights, names),
      labels: labelsTable(insights),
      impacts: impactsTable(insights),
      actionTypes: actionTypesTable(insights),
      prs: prTable(insights),
    }),
    [insights, names, by],
  );
  const pending = insights.totals.analysisPending;
  const pendingNote =
    pending > 0 ? `reading the analysis of ${plural(pending, 'session')}…` : undefined;

  return (
    <main class={props.stale ? 'report stale' : 'report'} aria-busy={props.stale}>
      <Kpis insights={insights} />
      <AcuChart
        insights={insights}
        names={names}
        palette={palette}
        by={by}
        onBy={props.onBy}
        table={tables.daily}
      />
      <SessionsChart insights={insights} palette={palette} />
      <div class="grid two">
        <TableSection id="users" title="Users" table={tables.users} limit={10} />
        <div class="stack">
          <TableSection id="orgs" title="Organizations" table={tables.orgs} limit={10} />
          <TableSection id="statuses" title="Statuses" table={tables.statuses} />
        </div>
      </div>
      <TableSection
        id="costliest"
        title="Costliest sessions"
        table={tables.costliest}
        note={
          insights.costliest.length > 1 ? (
            <SelectLink
              select={{
                bucket: {
                  key: 'costliest',
                  sessions: insights.costliest.length,
                  occurrences: insights.costliest.length,
                  members: Int32Array.from(
                    insights.costliest.map((s) => s.index).sort((a, b) => a - b),
                  ),
                },
              }}
            >
              list all {insights.costliest.length}
            </SelectLink>
          ) : undefined
        }
        limit={10}
      />
      <div class="band">
        <h2>What the analysis finds</h2>
        <p class="muted">
          {formatCount(insights.totals.analysed)} of {plural(insights.count, 'session')} analysed
          {insights.totals.analysed > 0 ? (
            <>
              {' · '}
              <SelectLink select={{ flags: FLAG_SUGGESTED_PROMPT }} testId="suggested-prompts">
                {plural(insights.totals.withSuggestedPrompt, 'suggested prompt')}
              </SelectLink>{' '}
              ({formatPercent(insights.totals.withSuggestedPrompt / insights.totals.analysed)} of
              analysed sessions)
            </>
          ) : null}
        </p>
      </div>
      <div class="grid analysis">
        <TableSection
          id="labels"
          title="Issue labels"
          table={tables.labels}
          note={pendingNote ?? 'sessions with an issue of each label, by impact'}
          empty="No issues in these sessions' analyses."
        />
        <div class="stack">
          <TableSection
            id="action-types"
            title="Action item types"
            table={tables.actionTypes}
            note={pendingNote}
            empty={pending > 0 ? 'Reading…' : 'No action items in these sessions.'}
          />
          <TableSection
            id="impacts"
            title="Issue impacts"
            table={tables.impacts}
            note={pendingNote}
            empty={pending > 0 ? 'Reading…' : 'No issues in these sessions.'}
          />
        </div>
      </div>
      <TableSection
        id="prs"
        title="Pull request outcomes"
        table={tables.prs}
        note="PRs by git host and state; a click lists the sessions that opened them"
        empty="No pull requests in these sessions."
      />
    </main>
  );
}

function useOpen(): (selection: Selection) => void {
  const urlOf = useSelectionUrl();
  return (selection) => {
    const url = urlOf(selection);
    if (url) window.open(url, '_blank', 'noopener');
  };
}

function seriesColor(palette: Palette, by: GroupBy, key: string | null, index: number): string {
  if (by === 'status' && key !== null && palette.status[key]) return palette.status[key];
  return palette.series[index % palette.series.length] ?? palette.other;
}

/** A row of buttons, one of them pressed. */
function Segmented<T extends string>(props: {
  legend: string;
  options: readonly { value: T; label: string; testId: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset class="segmented">
      <legend class="visually-hidden">{props.legend}</legend>
      {props.options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={option.value === props.value}
          onClick={() => props.onChange(option.value)}
          data-testid={option.testId}
        >
          {option.label}
        </button>
      ))}
    </fieldset>
  );
}

function ViewToggle(props: { table: boolean; onChange: (table: boolean) => void; id: string }) {
  return (
    <Segmented
      legend="Show as"
      options={[
        { value: 'chart', label: 'Chart', testId: `${props.id}-as-chart` },
        { value: 'table', label: 'Table', testId: `${props.id}-as-table` },
      ]}
      value={props.table ? 'table' : 'chart'}
      onChange={(value) => props.onChange(value === 'table')}
    />
  );
}

function Readout(props: { children: ComponentChildren }) {
  return (
    <p class="readout" aria-live="off">
      {props.children}
    </p>
  );
}

function AcuChart(props: {
  insights: Insights;
  names: Names;
  palette: Palette;
  by: GroupBy;
  onBy: (by: GroupBy) => void;
  table: TableModel;
}) {
  const { insights, names, palette, by } = props;
  const [asTable, setAsTable] = useState(false);
  const [hover, setHover] = useState<number | null>(null);
  const open = useOpen();
  const stack = insights.stacks[by];
  const series = useMemo<ChartSeries[]>(
    () =>
      stack.series.map((s, index) => ({
        label: seriesName(by, s, names),
        color: s.other ? palette.other : seriesColor(palette, by, s.key, index),
        values: stack.acus[index] ?? [],
      })),
    [stack, names, palette, by],
  );
  const days = insights.days;
  return (
    <Section
      id="acus"
      title="ACUs per day"
      class="chart-card"
      actions={
        <>
          <Segmented
            legend="Stack by"
            options={GROUP_BYS.map((option) => ({
              value: option,
              label: GROUP_NOUNS[option],
              testId: `stack-by-${option}`,
            }))}
            value={by}
            onChange={props.onBy}
          />
          <ViewToggle table={asTable} onChange={setAsTable} id="acus" />
          <CsvButton table={props.table} />
        </>
      }
    >
      <ul class="legend">
        {series.map((s, index) => (
          <li key={stack.series[index]?.code ?? index}>
            <span class="swatch" style={{ background: s.color }} aria-hidden="true" />
            <SelectLink select={{ series: { by, index } }}>{s.label}</SelectLink>{' '}
            <span class="muted">{formatAcus(stack.series[index]?.acus ?? 0)}</span>
          </li>
        ))}
      </ul>
      {asTable ? (
        <DataTable table={props.table} />
      ) : (
        <>
          <Readout>
            {hover !== null && days.starts[hover] !== undefined ? (
              <>
                <strong>{formatLongDay(days.starts[hover] ?? 0)}</strong> ·{' '}
                {formatAcus(days.acus[hover] ?? 0)} ACUs in{' '}
                {plural(days.sessions[hover] ?? 0, 'session')}
                {series
                  .map((s, index) => ({ s, value: s.values[hover] ?? 0, index }))
                  .filter((entry) => entry.value > 0)
                  .sort((a, b) => b.value - a.value)
                  .slice(0, 5)
                  .map((entry) => (
                    <span key={entry.index} class="readout-part">
                      {' · '}
                      <span class="swatch" style={{ background: entry.s.color }} />
                      {entry.s.label} {formatAcus(entry.value)}
                    </span>
                  ))}
              </>
            ) : (
              <span class="muted">
                Hover a day for its numbers; click a bar to list its sessions.
              </span>
            )}
          </Readout>
          <BarChart
            starts={days.starts}
            series={series}
            height={240}
            theme={palette.chart}
            label={`ACUs per day by ${GROUP_TITLES[by].toLowerCase()}, ${days.labels[0]} to ${days.labels[days.labels.length - 1]}`}
            onHover={setHover}
            onPick={(day, index) => open(index === null ? { day } : { day, series: { by, index } })}
            testId="chart-acus"
          />
        </>
      )}
    </Section>
  );
}

function SessionsChart(props: { insights: Insights; palette: Palette }) {
  const { insights, palette } = props;
  const [asTable, setAsTable] = useState(false);
  const [hover, setHover] = useState<number | null>(null);
  const open = useOpen();
  const days = insights.days;
  const series = useMemo<ChartSeries[]>(
    () => [{ label: 'Sessions', color: palette.sessions, values: days.sessions }],
    [days, palette],
  );
  const table = useMemo(() => sessionsPerDayTable(insights), [insights]);
  return (
    <Section
      id="sessions-per-day"
      title="Sessions per day"
      class="chart-card"
      actions={
        <>
          <ViewToggle table={asTable} onChange={setAsTable} id="sessions" />
          <CsvButton table={table} />
        </>
      }
    >
      {asTable ? (
        <DataTable table={table} />
      ) : (
        <>
          <Readout>
            {hover !== null && days.starts[hover] !== undefined ? (
              <>
                <strong>{formatLongDay(days.starts[hover] ?? 0)}</strong> ·{' '}
                <span data-testid="sessions-readout-count">
                  {plural(days.sessions[hover] ?? 0, 'session')}
                </span>
              </>
            ) : (
              <span class="muted">Click a bar to list that day's sessions.</span>
            )}
          </Readout>
          <BarChart
            starts={days.starts}
            series={series}
            height={150}
            theme={palette.chart}
            label={`Sessions per day, ${days.labels[0]} to ${days.labels[days.labels.length - 1]}`}
            onHover={setHover}
            onPick={(day) => open({ day })}
            testId="chart-sessions"
          />
        </>
      )}
    </Section>
  );
}
