/**
 * Chart colours from the page's CSS variables (palette.css, light and dark), read again when the
 * system switches theme: a canvas cannot use `var(--x)` itself.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ChartTheme } from './bar-chart';

export interface Palette {
  series: string[];
  other: string;
  sessions: string;
  status: Record<string, string>;
  chart: ChartTheme;
}

const SERIES_COUNT = 9;
const STATUS_VARIABLES: Record<string, string> = {
  exit: '--status-exit',
  error: '--status-error',
  suspended: '--status-suspended',
  running: '--status-running',
};

function useColorScheme(): 'light' | 'dark' {
  const query = '(prefers-color-scheme: dark)';
  const [dark, setDark] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const list = matchMedia(query);
    const onChange = () => setDark(list.matches);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, []);
  return dark ? 'dark' : 'light';
}

function readPalette(root: Element = document.documentElement): Palette {
  const style = getComputedStyle(root);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const font = read('--font', 'system-ui, sans-serif');
  return {
    series: Array.from({ length: SERIES_COUNT }, (_, i) => read(`--chart-${i + 1}`, '#2456d3')),
    other: read('--chart-other', '#9aa4b1'),
    sessions: read('--chart-sessions', '#2456d3'),
    status: Object.fromEntries(
      Object.entries(STATUS_VARIABLES).map(([status, name]) => [status, read(name, '#2456d3')]),
    ),
    chart: {
      axis: read('--fg-muted', '#57606a'),
      grid: read('--chart-grid', '#d0d7de'),
      font: `11px ${font}`,
    },
  };
}

export function usePalette(): Palette {
  const scheme = useColorScheme();
  return useMemo(() => readPalette(), [scheme]);
}
