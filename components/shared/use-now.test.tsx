// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNow } from './use-now';

function Clock(props: { label: string }) {
  const now = useNow(1000);
  return <p>{`${props.label} ${now}`}</p>;
}

describe('useNow', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(10_000);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('moves every reader on together, with one timer for the page', () => {
    const view = render(
      <>
        <Clock label="a" />
        <Clock label="b" />
      </>,
    );
    expect(vi.getTimerCount()).toBe(1);
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(screen.getByText('a 11000')).toBeTruthy();
    expect(screen.getByText('b 11000')).toBeTruthy();
    view.unmount();
    // Nobody reads the time any more: nothing ticks.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('starts from the current time when read again after it stopped', () => {
    render(<Clock label="first" />).unmount();
    vi.setSystemTime(50_000);
    render(<Clock label="later" />);
    expect(screen.getByText('later 50000')).toBeTruthy();
  });
});
