// The Devin API v3 endpoints the mock serves, with the permission each needs. Handlers share
// the server's V3Context (tokens, cursor clock, archive state, analyses under way).

import type { HandlerContext, Params, Route } from '../http/routing';
import { route } from '../http/routing';
import { generateInsights, terminateSession } from './action-routes';
import { enterpriseConsumption, orgConsumption, userConsumption } from './consumption-routes';
import type { V3Context } from './context';
import { organizations, self, users } from './directory-routes';
import { listSessions, sessionInsights, sessionMessagesPage } from './session-routes';

type V3Handler = (
  v3: V3Context,
  ctx: HandlerContext,
  params: Params,
  query: URLSearchParams,
) => ReturnType<Route['handle']>;

export function createV3Routes(v3: V3Context): Route[] {
  const bind =
    (handler: V3Handler): Route['handle'] =>
    (ctx, params, query) =>
      handler(v3, ctx, params, query);
  const viewSessions = { permission: 'ViewAccountSessions' };
  const billing = { permission: 'ManageBilling' };
  // Static paths before parameterised ones, as FastAPI matches in declaration order.
  return [
    route('/v3/self', false, bind(self)),
    route('/v3/enterprise/sessions/insights', false, bind(listSessions), viewSessions),
    route(
      '/v3/enterprise/sessions/{devin_id}/insights',
      false,
      bind(sessionInsights),
      viewSessions,
    ),
    route(
      '/v3/enterprise/sessions/{devin_id}/messages',
      false,
      bind(sessionMessagesPage),
      viewSessions,
    ),
    route('/v3/enterprise/sessions/{devin_id}/insights/generate', false, bind(generateInsights), {
      method: 'POST',
      permission: 'ManageAccountSessions',
    }),
    route('/v3/organizations/{org_id}/sessions/{devin_id}', false, bind(terminateSession), {
      method: 'DELETE',
      permission: 'ManageOrgSessions',
    }),
    route('/v3/enterprise/organizations', true, bind(organizations), {
      permission: 'ReadAccountMeta',
    }),
    route('/v3/enterprise/members/users', true, bind(users), {
      permission: 'ManageAccountMembership',
    }),
    route('/v3/enterprise/consumption/daily', false, bind(enterpriseConsumption), billing),
    route(
      '/v3/enterprise/consumption/daily/organizations/{org_id}',
      false,
      bind(orgConsumption),
      billing,
    ),
    route(
      '/v3/enterprise/consumption/daily/users/{user_id}',
      false,
      bind(userConsumption),
      billing,
    ),
  ];
}
