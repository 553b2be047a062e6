/** Checks a threshold typed in the options page: empty turns the rule off. */
export type CheckedThreshold = { ok: true; value: number | null } | { ok: false; reason: string };

export function checkThreshold(text: string, max: number): CheckedThreshold {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value <= 0 || value > max) {
    return {
      ok: false,
      reason: `Enter a number above 0 and at most ${max}, or leave it empty to turn this alert off.`,
    };
  }
  return { ok: true, value };
}
