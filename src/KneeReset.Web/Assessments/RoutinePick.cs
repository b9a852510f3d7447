namespace KneeReset.Web.Assessments;

/// <summary>A routine picked for a result, with why, and the harder stage that follows it once it feels comfortable.</summary>
public sealed record RoutinePick(string Slug, string Title, IReadOnlyList<string> Targets, IReadOnlyList<string> Reasons, string? NextStageSlug = null, string? NextStageTitle = null);
