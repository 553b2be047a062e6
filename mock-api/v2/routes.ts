// The Devin API v2 enterprise endpoints the mock serves, in FastAPI's match order.

import type { Route } from '../http/routing';
import { route } from '../http/routing';
import { dailyConsumption } from './consumption-routes';
import { member, members, organizations, orgMembers } from './directory-routes';
import { sessionDetail, sessionInsights } from './session-routes';

// Static paths before parameterised ones, as FastAPI matches in declaration order.
export const V2_ROUTES: readonly Route[] = [
  route('/v2/enterprise/organizations/{org_id}/sessions/insights', false, sessionInsights),
  route('/v2/enterprise/sessions/insights', false, sessionInsights),
  route('/v2/enterprise/sessions/{session_id}', false, sessionDetail),
  route('/v2/enterprise/organizations', true, organizations),
  route('/v2/enterprise/organizations/{org_id}/members', true, orgMembers),
  route('/v2/enterprise/members', true, members),
  route('/v2/enterprise/members/{user_id}', true, member),
  route('/v2/enterprise/consumption/daily', false, dailyConsumption),
];
