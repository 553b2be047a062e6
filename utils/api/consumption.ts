/**
 * Billed ACU consumption, the one figure Devin bills (summing sessions' `acus_consumed` is not
 * the same: other products bill ACUs too, and a session bills on the days it runs). Both API
 * generations map into `DailyConsumption`.
 *
 * Shapes (documentation pages "Daily consumption", v2 and v3; where they leave room, the
 * schemas below are lenient and the choice is said here):
 * - v2 `GET /v2/enterprise/consumption/daily?start_date&end_date&org_ids`: `{total_acus,
 *   consumption_by_date: {date: acus}, consumption_by_org_id: {org: acus},
 *   consumption_by_user: {user: acus}}`. Date keys are taken as `YYYY-MM-DD` (a longer ISO
 *   instant is cut to its date); entries that are not numbers are left out.
 * - v3 `GET /v3/enterprise/consumption/daily?time_after&time_before` (Unix seconds):
 *   `{total_acus, consumption_by_date: [{date, acus, acus_by_product}]}`, `date` in Unix seconds
 *   (an ISO string is accepted too). Per organization the extension assumes the enterprise-level
 *   `…/consumption/daily/organizations/{org_id}` (the v3beta1 reference's path under /v3); v3
 *   has no per-user breakdown in one call, so `byUser` is null there.
 */
import * as v from 'valibot';

export interface DailyConsumption {
  /** Everything billed in the range, all products. */
  totalAcus: number;
  /** Billed ACUs per billing day, by the date (`YYYY-MM-DD`) its 08:00 UTC start falls on. */
  byDate: Record<string, number>;
  /** Per organization (only what is tied to one: other products are in no organization). */
  byOrg: Record<string, number>;
  /** Per user, enterprise-wide; null when the API gives none in one call (v3). */
  byUser: Record<string, number> | null;
}

/** A range of billing days: ISO instants (08:00 UTC starts), and the organizations to break out. */
export interface ConsumptionRange {
  start: string;
  end: string;
  orgIds: readonly string[];
}

const Amount = v.pipe(v.number(), v.finite());

/** A `{key: acus}` map keeping only numeric entries (one odd entry must not cost the rest). */
const AmountMap = v.pipe(
  v.optional(v.nullable(v.record(v.string(), v.unknown())), null),
  v.transform((record) => {
    const out: Record<string, number> = {};
    for (const [key, value] of Object.entries(record ?? {})) {
      if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
    }
    return out;
  }),
);

export const ConsumptionV2Schema = v.pipe(
  v.looseObject({
    total_acus: Amount,
    consumption_by_date: AmountMap,
    consumption_by_org_id: AmountMap,
    consumption_by_user: AmountMap,
  }),
  v.transform(
    (body): DailyConsumption => ({
      totalAcus: body.total_acus,
      byDate: Object.fromEntries(
        Object.entries(body.consumption_by_date).map(([date, acus]) => [date.slice(0, 10), acus]),
      ),
      byOrg: body.consumption_by_org_id,
      byUser: body.consumption_by_user,
    }),
  ),
);

/** A v3 day's date: Unix seconds (as documented) or an ISO string, as the date of its start. */
const DayDate = v.pipe(
  v.union([v.pipe(v.number(), v.finite()), v.pipe(v.string(), v.isoTimestamp())]),
  v.transform((value) =>
    (typeof value === 'number' ? new Date(value * 1000) : new Date(value))
      .toISOString()
      .slice(0, 10),
  ),
);

const DayV3Schema = v.looseObject({ date: DayDate, acus: Amount });

export const ConsumptionV3Schema = v.pipe(
  v.looseObject({
    total_acus: Amount,
    consumption_by_date: v.optional(v.nullable(v.array(v.unknown())), null),
  }),
  v.transform((body) => {
    const byDate: Record<string, number> = {};
    for (const item of body.consumption_by_date ?? []) {
      const day = v.safeParse(DayV3Schema, item);
      if (day.success) byDate[day.output.date] = (byDate[day.output.date] ?? 0) + day.output.acus;
    }
    return { totalAcus: body.total_acus, byDate };
  }),
);
