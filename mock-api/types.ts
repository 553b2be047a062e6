// Raw shapes the mock server produces. They mirror the Devin v2 OpenAPI contract
// (/work/shared/seeds/000_eb277a9b79a2f2d2.txt) field for field. The extension defines its own
// schemas; these types exist so the mock, its tests and scripts agree with each other.

/** Every value of the contract's `status` enum, in contract order. */
export const SESSION_STATUSES = [
  'new',
  'claimed',
  'running',
  'exit',
  'error',
  'suspended',
  'resuming',
] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface SessionPullRequest {
  url: string;
  state: string | null;
}

export interface SessionAnalysisIssue {
  issue: string;
  impact: string;
  label: string;
}

export interface SessionAnalysisActionItem {
  action_item: string;
  /** Index (as a string) into `issues`, or null when the item is not tied to an issue. */
  issue_id: string | null;
  type: string;
}

export interface SessionAnalysisTimelineEvent {
  title: string;
  description: string;
}

export interface SessionAnalysisFeedbackItem {
  issue_id: string | null;
  summary: string | null;
  excerpt: string | null;
  details: string | null;
}

interface SessionAnalysisSuggestedPrompt {
  original_prompt: string;
  suggested_prompt: string;
  feedback_items: SessionAnalysisFeedbackItem[];
}

export interface SessionAnalysisData {
  issues: SessionAnalysisIssue[];
  action_items: SessionAnalysisActionItem[];
  timeline: SessionAnalysisTimelineEvent[];
  suggested_prompt: SessionAnalysisSuggestedPrompt | null;
}

export interface SessionDetailResponse {
  session_id: string;
  url: string;
  status: SessionStatus;
  tags: string[];
  org_id: string;
  created_at: string;
  updated_at: string;
  acus_consumed: number;
  pull_requests: SessionPullRequest[];
  session_analysis: SessionAnalysisData | null;
  initial_user_message: string | null;
  title: string | null;
  user_id: string | null;
}

/** The contract's `PaginatedResponse[T]`; also used for the neighbouring list endpoints. */
export interface PaginatedResponse<T> {
  items: T[];
  total: number;
  skip: number;
  limit: number;
  has_more: boolean;
  next_cursor: number | null;
}

export interface OrganizationResponse {
  org_id: string;
  org_name: string;
  created_at: string;
  max_cycle_acu_limit: number | null;
  max_session_acu_limit: number | null;
  org_admin_count: number;
  org_member_count: number;
  org_user_count: number;
}

export type EnterpriseRole = 'admin' | 'member';
export type OrgRole = 'admin' | 'member';

export interface MemberResponse {
  user_id: string;
  email: string;
  name: string;
  enterprise_role: EnterpriseRole;
  created_at: string;
  last_login: string | null;
  login_count: number;
}

export interface OrgMemberResponse {
  user_id: string;
  email: string;
  name: string;
  org_id: string;
  org_name: string;
  org_role: OrgRole;
  enterprise_role: EnterpriseRole;
}

/** Membership of a user in an organization (kept apart from the member record it joins). */
export interface Membership {
  user_id: string;
  org_id: string;
  org_role: OrgRole;
}

/** One entry of FastAPI/pydantic v2's 422 `detail` array. */
export interface ValidationErrorItem {
  type: string;
  loc: (string | number)[];
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

/** `variants` mode: a pull request in the shape some documentation pages show. */
export interface VariantPullRequest {
  pr_url: string;
  pr_state: string | null;
  url?: string;
  state?: string | null;
}
