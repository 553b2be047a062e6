// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LONG_TEXT_PREVIEW_CHARS, LongText } from './long-text';

afterEach(cleanup);

describe('LongText', () => {
  it('lays out only the beginning of a megabyte until asked, then all of it', () => {
    const text = `${'x'.repeat(1_048_576 - 4)}TAIL`;
    const { container } = render(<LongText text={text} as="pre" />);
    const shown = () => container.querySelector('pre')?.textContent ?? '';
    expect(shown()).toHaveLength(LONG_TEXT_PREVIEW_CHARS + 1);
    const button = screen.getByRole('button', { name: 'Show all (1,048,576 characters)' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(shown().endsWith('TAIL')).toBe(true);
    expect(screen.getByRole('button', { name: 'Show less' })).toBeTruthy();
  });

  it('shows a short text whole, with no button', () => {
    render(<LongText text="<b>short</b>" as="p" />);
    expect(screen.getByText('<b>short</b>')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
