/** Where an alert leads: the full-tab session view, on its session or its organization. */
import type { AlertTarget } from './types';

export function targetPath(target: AlertTarget): string {
  // Parameters of entrypoints/sessions/main.tsx: `session` opens one, `org` filters to one.
  return target.type === 'session'
    ? `/sessions.html?session=${encodeURIComponent(target.sessionId)}`
    : `/sessions.html?org=${encodeURIComponent(target.orgId)}`;
}
