// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXTRAS, NOW, ROWS } from '../../tests/fixtures/insights';
import { emptyFilters } from '../../utils/filters/model';
import { selectionUrl } from '../../utils/insights/select';
import { FLAG_ERROR } from '../../utils/insights/types';
import { computeView } from '../../utils/insights/view';
import { LinkScopeContext, SelectLink } from './parts';

afterEach(cleanup);

// The test checks where a link would go; the test page must not go there.
const stay = (event: Event) => event.preventDefault();
beforeAll(() => document.addEventListener('click', stay));
afterAll(() => document.removeEventListener('click', stay));

const filters = emptyFilters();
const insights = computeView(ROWS, filters, NOW, EXTRAS, { topSeries: 2 });
const select = { flags: FLAG_ERROR };

function renderLink() {
  render(
    <LinkScopeContext.Provider value={{ insights, filters }}>
      <SelectLink select={select} testId="figure">
        3
      </SelectLink>
    </LinkScopeContext.Provider>,
  );
  const link = screen.getByTestId('figure');
  // Not hovered nor focused: the number rendered under a resting pointer.
  expect(link.getAttribute('href')).toBe('sessions.html');
  return link;
}

describe('SelectLink', () => {
  const expected = selectionUrl(insights, filters, select);

  it('opens the filtered list on a middle-click, which sends no click event', () => {
    expect(expected).toMatch(/^sessions\.html\?.+/);
    const link = renderLink();
    fireEvent.mouseDown(link, { button: 1 });
    fireEvent(link, new MouseEvent('auxclick', { button: 1, bubbles: true, cancelable: true }));
    expect(link.getAttribute('href')).toBe(expected);
  });

  it('opens the filtered list on a Ctrl-click and from the context menu', () => {
    const ctrl = renderLink();
    fireEvent.click(ctrl, { ctrlKey: true });
    expect(ctrl.getAttribute('href')).toBe(expected);
    cleanup();
    const menu = renderLink();
    fireEvent.contextMenu(menu);
    expect(menu.getAttribute('href')).toBe(expected);
  });
});
