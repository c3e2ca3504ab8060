import type { CaseForTransition } from './rules.js';
import type { CaseRecord } from './queries.js';
import type { RiskLevel } from './tables.js';

/** What the transition rules read from a stored case (and the reason a request brings). */
export function transitionInput(c: CaseRecord, risks: { assessed_on: string; level: RiskLevel }[], reason: string | null): CaseForTransition {
  return {
    type: c.type,
    status: c.status,
    actionPlan: c.action_plan,
    assessments: c.assessments,
    summary: c.summary,
    opinion: c.opinion,
    opinionRecommendations: c.opinion_recommendations,
    alternativeMeasures: c.alternative_measures,
    question: c.question,
    riskAssessments: risks.map((r) => ({ assessedOn: r.assessed_on, level: r.level })),
    rvActiveStartedOn: c.rv_active_started_on,
    rvFollowUpStartedOn: c.rv_follow_up_started_on,
    reason,
  };
}
