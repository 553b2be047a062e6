/**
 * The search phase (search_keystroke): REPEATS keystrokes in the open popup's search box, each
 * timed until the list shows the matching rows, beside the floor of filtering the same texts
 * in the page. Closes the popup when done.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { type BenchRun, firstLine, logStep, MB, REPEATS } from '../bench-run';
import { profileBase, profileFile } from '../cpu-profiles';
import {
  DEFAULT_ROW_SELECTOR,
  DEFAULT_SEARCH_SELECTOR,
  pageHeapUsed,
  planSearchInPage,
  timeFilterInPage,
  timeKeystroke,
} from '../popup';
import { type CpuProfile, summarizeProfile } from '../profile';
import { median } from '../report';

export async function measureSearch(run: BenchRun, page: Page): Promise<void> {
  const { browser, samples, info } = run;
  const { options } = run.ctx;
  const rowSelector = options.rowSelector ?? DEFAULT_ROW_SELECTOR;
  const searchSelector = options.searchSelector ?? DEFAULT_SEARCH_SELECTOR;
  logStep(run, `search keystroke (x${REPEATS})`);
  try {
    const plan = await planSearchInPage(page);
    const timings = [];
    const profile = profileBase(run);
    const profiler = profile !== null ? await browser.context.newCDPSession(page) : null;
    // The profile covers the timed keys only, from the press to the painted update.
    const keys: CpuProfile[] = [];
    const watch = profiler && {
      start: async () => {
        await profiler.send('Profiler.enable');
        await profiler.send('Profiler.setSamplingInterval', { interval: 100 });
        await profiler.send('Profiler.start');
      },
      stop: async () => {
        const { profile: cpuProfile } = await profiler.send('Profiler.stop');
        keys.push(cpuProfile as CpuProfile);
      },
    };
    for (let i = 0; i < REPEATS; i++) {
      timings.push(
        await timeKeystroke(page, searchSelector, rowSelector, plan, watch ?? undefined),
      );
    }
    if (profiler) {
      info.searchProfiles = keys.map((cpuProfile, k) => {
        const file = profileFile(profile as string, `search-${k + 1}`);
        writeFileSync(file, JSON.stringify(cpuProfile));
        return { file, ...summarizeProfile(cpuProfile, run.ctx.extensionDir, 12) };
      });
      await profiler.detach();
    }
    const all = timings.map((t) => t.ms);
    // The floor again after the keystrokes; the run's floor is the mean of the two.
    const floorAfter = await timeFilterInPage(page, plan.query);
    const searchFloor = (plan.floorMs + floorAfter) / 2;
    samples.search_keystroke = {
      value: median(all),
      floor: searchFloor,
      ...(timings.every((t) => t.verified)
        ? {}
        : { note: 'some rows shown after the keystroke do not match the query' }),
    };
    info.search = { plan, floorMs: searchFloor, floorAfterMs: floorAfter, keystrokes: timings };
    // The popup keeps its full-text index once a search ran: its heap then, without the
    // bench's own copy of the texts.
    await page.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>;
      delete g.__benchTexts;
      delete g.__benchMatches;
    });
    info.popupHeapAfterSearchMb = (await pageHeapUsed(browser.context, page)) / MB;
  } catch (error) {
    samples.search_keystroke = {
      value: null,
      floor: null,
      note: `search not measured (${searchSelector}): ${firstLine(error)}`,
    };
  } finally {
    await page.close();
  }
}
