// The pull-request URL module: one parser and one normalizer shared by the page matcher and the
// database, plus the host lists the context menu, badge and permission prompts need.
export type {
  GitHostKind,
  SelfHostedGitHost,
} from './hosts';
export {
  builtInHostPermissionPatterns,
  builtInPullRequestPagePatterns,
  GIT_HOST_KINDS,
  isSupportedPullRequestPage,
  originToPermissionPattern,
  parseGitHostOrigin,
  pullRequestPagePatterns,
} from './hosts';
export { normalizePullRequestUrl } from './normalize';

export { parsePullRequestUrl } from './parse';
