// The message styles people actually send Devin (one-liners, numbered briefs, Slack-style asks),
// so search, truncation and wrapping in the extension meet realistic input.

import type { Rng } from '../random';

/** Wraps the core ask in one of several message styles people actually send. */
export function styleMessage(
  rng: Rng,
  ask: string,
  details: readonly string[],
  repo: string,
): string {
  const style = rng.int(0, 4);
  if (style === 0) return ask;
  if (style === 1) return `@Devin ${ask.charAt(0).toLowerCase()}${ask.slice(1)} (repo: ${repo})`;
  if (style === 2) {
    const steps = details.map((d, i) => `${i + 1}. ${d}`).join('\n');
    return `${ask}\n\nRepository: ${repo}\n\nSteps:\n${steps}\n\nOpen a PR when done and link it here.`;
  }
  if (style === 3) {
    const bullets = details.map((d) => `- ${d}`).join('\n');
    return `Hi Devin! ${ask}\n\nAcceptance criteria:\n${bullets}`;
  }
  return `In ${repo}: ${ask} ${details[0] ?? ''}`.trim();
}
