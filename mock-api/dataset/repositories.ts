// The git repositories of an organization and the pull request URL shape of each git host, so
// every host's URLs appear in the data the extension parses.

import type { Rng } from '../random';
import { AZURE_PROJECTS, GITLAB_SUBGROUPS } from './vocab-directory';

export type GitHost = 'github' | 'gitlab' | 'bitbucket' | 'azure';

/** A repository sessions open pull requests against. Plain data so a dataset stays comparable. */
export interface Repository {
  org_id: string;
  host: GitHost;
  /** e.g. `acme/billing-service`, used in task texts. */
  display: string;
  /** The PR URL without its number, e.g. `https://github.com/acme/web-app/pull/`. */
  pr_url_prefix: string;
  /** The next unused PR number, so PRs added later (store mutations) stay unique. */
  next_pr_number: number;
}

export const HOSTS: readonly GitHost[] = ['github', 'gitlab', 'bitbucket', 'azure'];

export function makeRepository(
  rng: Rng,
  orgId: string,
  host: GitHost,
  owner: string,
  name: string,
): Repository {
  let prefix: string;
  let display: string;
  if (host === 'github') {
    prefix = `https://github.com/${owner}/${name}/pull/`;
    display = `${owner}/${name}`;
  } else if (host === 'gitlab') {
    const sub = rng.pick(GITLAB_SUBGROUPS);
    prefix = `https://gitlab.com/${owner}/${sub}/${name}/-/merge_requests/`;
    display = `${owner}/${sub}/${name}`;
  } else if (host === 'bitbucket') {
    prefix = `https://bitbucket.org/${owner}/${name}/pull-requests/`;
    display = `${owner}/${name}`;
  } else {
    const project = rng.pick(AZURE_PROJECTS);
    prefix = `https://dev.azure.com/${owner}/${encodeURIComponent(project)}/_git/${name}/pullrequest/`;
    display = `${project}/${name}`;
  }
  return { org_id: orgId, host, display, pr_url_prefix: prefix, next_pr_number: rng.int(40, 4000) };
}
