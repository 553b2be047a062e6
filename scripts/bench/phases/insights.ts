/**
 * The insights phase (insights_compute): the Insights page, then one pass over the stored rows,
 * beside its floor (see ../insights.ts). A build without the page gets a note instead.
 */
import { type BenchRun, firstLine, logStep } from '../bench-run';
import { pageJsSize } from '../bundle';
import { measureInsights } from '../insights';

export async function measureInsightsCompute(run: BenchRun, cached: number): Promise<void> {
  const { samples, info } = run;
  if (pageJsSize(run.ctx.extensionDir, 'insights.html') === null) {
    samples.insights_compute = {
      value: null,
      floor: null,
      note: 'no insights.html in the build',
    };
    return;
  }
  logStep(run, 'insights compute (the Insights page, then one pass over the rows)');
  try {
    const insights = await measureInsights(run.browser, cached, 5 * 60_000);
    samples.insights_compute = insights.sample;
    info.insights = insights.info;
  } catch (error) {
    samples.insights_compute = {
      value: null,
      floor: null,
      note: `insights not measured: ${firstLine(error)}`,
    };
  }
}
