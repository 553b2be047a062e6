/** The popup heap phase (popup_heap_mb): the open popup's JS heap once it went quiet. */
import type { Page } from 'playwright-core';
import { type BenchRun, logStep, MB } from '../bench-run';
import { LIST_COMPLETE_SELECTOR, pageHeapUsed, waitQuiet } from '../popup';

export async function measurePopupHeap(run: BenchRun, page: Page): Promise<void> {
  logStep(run, 'popup heap');
  // The heap holding every row: at 200,000 sessions the full read ends seconds after the first.
  await page.locator(LIST_COMPLETE_SELECTOR).first().waitFor({ timeout: 120_000 });
  const settled = await waitQuiet(page, 2000, 60_000);
  const heapBytes = await pageHeapUsed(run.browser.context, page);
  run.samples.popup_heap_mb = {
    value: heapBytes / MB,
    ...(settled ? {} : { note: 'the popup never went quiet: heap read after 60 s' }),
  };
  run.info.popupHeap = { bytes: heapBytes, settled };
}
