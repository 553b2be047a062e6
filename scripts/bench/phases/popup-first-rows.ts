/**
 * The popup phase (popup_first_rows): the popup opened REPEATS times until its first session
 * rows paint, each beside an empty extension page. The last popup stays open for the heap and
 * search phases; when no rows show, those phases get the same note.
 */
import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { type BenchRun, firstLine, logStep, REPEATS } from '../bench-run';
import { waitForBrowserIdle } from '../cpu';
import { profileBase, profileFile } from '../cpu-profiles';
import { DEFAULT_ROW_SELECTOR, timeFirstPaint, waitQuiet } from '../popup';
import { summarizeProfile } from '../profile';
import { median } from '../report';

/** Times the popup's first rows; returns the last popup, still open, or null when it failed. */
export async function measurePopupFirstRows(run: BenchRun): Promise<Page | null> {
  const { browser, samples, info } = run;
  const rowSelector = run.ctx.options.rowSelector ?? DEFAULT_ROW_SELECTOR;
  const popupUrl = `chrome-extension://${browser.extensionId}/popup.html`;
  const floorUrl = `chrome-extension://${browser.extensionId}/manifest.json`;
  const profile = profileBase(run);
  logStep(run, `popup first rows (x${REPEATS}, each beside an empty page)`);
  const popupTimes: number[] = [];
  const floorTimes: number[] = [];
  const details: unknown[] = [];
  let popup: Page | null = null;
  try {
    for (let i = 0; i < REPEATS; i++) {
      // Extension pages share one renderer process: each page is timed alone, after the
      // previous popup finished loading and was closed.
      if (popup) {
        await waitQuiet(popup, 1000, 60_000);
        await popup.close();
        popup = null;
      }
      // A closed popup that held 200,000 rows can keep the shared renderer busy for seconds
      // (its heap torn down): the empty page, timed meanwhile, measured 3-5 s instead of 0.1.
      const settled = await waitForBrowserIdle(browser.profileDir, {
        windowMs: 500,
        maxMs: 15_000,
      });
      const empty = await timeFirstPaint(browser.context, floorUrl, 'body > *', 30_000);
      await empty.page.close();
      await sleep(300);
      const profileOpen = profile !== null && i === REPEATS - 1;
      const opened = await timeFirstPaint(
        browser.context,
        popupUrl,
        rowSelector,
        60_000,
        profileOpen,
      );
      popup = opened.page;
      if (opened.profile) {
        const file = profileFile(profile as string, 'popup-open');
        writeFileSync(file, JSON.stringify(opened.profile));
        info.popupOpenProfile = { file, ...summarizeProfile(opened.profile, run.ctx.extensionDir) };
      }
      popupTimes.push(opened.timing.painted);
      floorTimes.push(empty.timing.painted);
      details.push({ popup: opened.timing, emptyPage: empty.timing, settled });
    }
  } catch (error) {
    const note = `popup rows not found (${rowSelector}): ${firstLine(error)}`;
    samples.popup_first_rows = { value: null, floor: null, note };
    samples.popup_heap_mb = { value: null, note };
    samples.search_keystroke = { value: null, floor: null, note };
    await popup?.close();
    return null;
  }
  samples.popup_first_rows = { value: median(popupTimes), floor: median(floorTimes) };
  info.popupFirstRows = { opens: details, cold: details[0] };
  return popup;
}
