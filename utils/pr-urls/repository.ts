/**
 * The repository of a pull request, read from its normalized key (see parse.ts): every key
 * ends in `/<marker>/<number>` (`pull`, `merge_requests`, `pull-requests`, `pullrequest`), so
 * the repository is the key without that end. Working on keys means rows cached before
 * repositories were kept answer too, and a lookup costs a string cut, not a URL parse.
 */

/** `github.com/acme/web/pull/12` -> `github.com/acme/web`; GitLab's `/-` goes too. */
export function repositoryKeyOf(prKey: string): string {
  return prKey.replace(/\/[^/]+\/\d+$/, '').replace(/\/-$/, '');
}

/**
 * How a person names the repository: without the host and the path words some hosts add.
 * `github.com/acme/web` -> `acme/web`; `dev.azure.com/org/proj/_git/web` -> `org/proj/web`;
 * `host/projects/plat/repos/api` -> `plat/api`.
 */
export function repositoryLabel(repositoryKey: string): string {
  const path = repositoryKey.split('/').slice(1);
  return path
    .filter((part) => part !== '_git' && part !== 'projects' && part !== 'repos')
    .join('/');
}
