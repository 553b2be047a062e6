/** @tanstack/virtual-core bound to Preact: the list renders only the rows in view. */
import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  type Rect,
  Virtualizer,
  type VirtualizerOptions,
} from '@tanstack/virtual-core';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

type ElementOptions = Partial<VirtualizerOptions<HTMLElement, HTMLElement>> &
  Pick<VirtualizerOptions<HTMLElement, HTMLElement>, 'count' | 'getScrollElement' | 'estimateSize'>;

/**
 * Where layout is not computed (a DOM without layout, as in component tests) an element
 * reports no height; the window's height stands in so the rows still render.
 */
function observeRectWithFallback(
  instance: Virtualizer<HTMLElement, HTMLElement>,
  cb: (rect: Rect) => void,
) {
  return observeElementRect(instance, (rect) => {
    if (rect.height > 0 || typeof window === 'undefined') cb(rect);
    else cb({ width: rect.width, height: window.innerHeight || 600 });
  });
}

export function useVirtualizer(options: ElementOptions): Virtualizer<HTMLElement, HTMLElement> {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const resolved: VirtualizerOptions<HTMLElement, HTMLElement> = {
    observeElementRect: observeRectWithFallback,
    observeElementOffset,
    scrollToFn: elementScroll,
    ...options,
    onChange: (instance, sync) => {
      rerender(0);
      options.onChange?.(instance, sync);
    },
  };
  const [instance] = useState(() => new Virtualizer(resolved));
  instance.setOptions(resolved);
  useLayoutEffect(() => instance._didMount(), []);
  useLayoutEffect(() => {
    instance._willUpdate();
  });
  return instance;
}
