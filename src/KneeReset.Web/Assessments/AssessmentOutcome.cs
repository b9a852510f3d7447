using KneeReset.Core.Rules;

namespace KneeReset.Web.Assessments;

/// <summary>The stored outcome of an assessment: the rules' result and the routines matched at the time.</summary>
public sealed record AssessmentOutcome(AssessmentResult Result, IReadOnlyList<RoutinePick> Routines);
