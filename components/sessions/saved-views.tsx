/**
 * Saved views: a menu of named filter sets, one click from the filters they stand for, and a
 * field to name the filters in force. The menu's button shows the name of the view in force,
 * so the popup (which keeps its filters between openings) reopens on the last view used.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SessionFilters } from '../../utils/filters/model';
import {
  currentView,
  MAX_SAVED_VIEWS,
  MAX_VIEW_NAME,
  type SavedView,
  viewFilters,
  withoutView,
  withSavedView,
} from '../../utils/filters/saved-views';
import { usePopover } from '../shared/use-popover';
import { useSessionsEnv } from './env';
import './saved-views.css';
import { formatCount } from '../../utils/format';
import { t } from '../../utils/i18n';

function useSavedViews(): SavedView[] {
  const env = useSessionsEnv();
  const [views, setViews] = useState<SavedView[]>([]);
  useEffect(() => env.watchSavedViews(setViews), [env]);
  return views;
}

export function SavedViews(props: {
  filters: SessionFilters;
  onApply: (filters: SessionFilters) => void;
}) {
  const env = useSessionsEnv();
  const views = useSavedViews();
  const popover = usePopover();
  const { open, setOpen, rootRef, buttonRef, panelId } = popover;
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const inForce = currentView(views, props.filters);

  const close = () => {
    setProblem(null);
    popover.close();
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') setProblem(null);
    popover.closeOnEscape(event);
  };
  const apply = (view: SavedView) => {
    props.onApply(viewFilters(view));
    close();
  };
  const save = (event: Event) => {
    event.preventDefault();
    const next = withSavedView(views, name, props.filters);
    if (!next) {
      setProblem(
        name.trim() === ''
          ? t('sessions.views.nameFirst')
          : t('sessions.views.tooMany', [formatCount(MAX_SAVED_VIEWS)]),
      );
      return;
    }
    setName('');
    void env.storeSavedViews(next);
    close();
  };

  return (
    <div class={`views${inForce ? ' views-active' : ''}`} ref={rootRef}>
      <button
        type="button"
        class="views-button"
        ref={buttonRef}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={
          inForce ? t('sessions.views.showing', [inForce.name]) : t('sessions.views.saved')
        }
        onClick={() => (open ? close() : setOpen(true))}
        onKeyDown={closeOnEscape}
      >
        <span class="views-text">{inForce ? inForce.name : t('sessions.views.views')}</span>
        <span class="caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open ? (
        // biome-ignore lint/a11y/noStaticElementInteractions: Esc anywhere in the panel closes it.
        <div class="views-panel" id={panelId} onKeyDown={closeOnEscape}>
          {views.length > 0 ? (
            <ul class="views-list" aria-label={t('sessions.views.saved')}>
              {views.map((view) => (
                <li key={view.name} class="views-item">
                  <button
                    type="button"
                    class="views-apply"
                    aria-current={view === inForce ? 'true' : undefined}
                    onClick={() => apply(view)}
                  >
                    {view.name}
                  </button>
                  <button
                    type="button"
                    class="views-delete"
                    aria-label={t('sessions.views.deleteNamed', [view.name])}
                    title={t('sessions.views.delete')}
                    onClick={() => void env.storeSavedViews(withoutView(views, view.name))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted views-empty">{t('sessions.views.none')}</p>
          )}
          <form class="views-save" onSubmit={save}>
            <input
              type="text"
              aria-label={t('sessions.views.nameLabel')}
              placeholder={t('sessions.views.namePlaceholder')}
              maxLength={MAX_VIEW_NAME}
              value={name}
              onInput={(event) => setName(event.currentTarget.value)}
            />
            <button type="submit">{t('sessions.views.save')}</button>
          </form>
          {problem ? (
            <p class="views-problem" role="alert">
              {problem}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
