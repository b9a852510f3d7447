using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using KneeReset.Core.Questionnaire;
using KneeReset.Core.Rules;
using KneeReset.Web.Assessments;
using KneeReset.Web.Content;
using KneeReset.Web.Infrastructure;

namespace KneeReset.Web.Api;

/// <summary>The body of POST /api/assessments.</summary>
public sealed record NewAssessment
{
    /// <summary>Answers keyed by vocabulary id, in the shapes GET /api/questionnaire gives; null or absent is unanswered.</summary>
    public required JsonElement Answers { get; init; }
}

/// <summary>A completed assessment, as GET /api/assessments/{token} shows it to anyone with the share link.</summary>
public record AssessmentView
{
    public required string ResultUrl { get; init; }
    public required Triage Triage { get; init; }
    public required IReadOnlyList<TriageReasonView> TriageReasons { get; init; }
    /// <summary>How soon a clinician should see the knee (the most urgent time frame of the rules that held); null for self-care.</summary>
    public required TimeFrame? TimeFrame { get; init; }
    /// <summary>What the time frame asks the runner to do, in plain words; null for self-care.</summary>
    public required string? TimeFrameText { get; init; }
    /// <summary>Null when the picture fits no cause well enough to name one, a red flag decides the outcome, a rule sets the causes aside, or there is no pain.</summary>
    public required string? TopCause { get; init; }
    /// <summary>No pain (0/10): the result is prevention, and every cause is banded unlikely.</summary>
    public required bool Prevention { get; init; }
    /// <summary>A triage rule that held points away from the four overuse causes, so none is named to the runner; the scores stay for the clinician.</summary>
    public required bool CausesSetAside { get; init; }
    public required IReadOnlyList<CauseView> Causes { get; init; }
    public required IReadOnlyList<FindingView> Findings { get; init; }
    public required TrainingLoad TrainingLoad { get; init; }
    public required IReadOnlyList<RoutinePickView> Routines { get; init; }
    public required string RulesVersion { get; init; }
    public required string QuestionnaireVersion { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>The answers as stored: in km, each in its question's shape.</summary>
    public required JsonObject Answers { get; init; }

    public static AssessmentView Of(LoadedAssessment record, PublicLinks links, ContentCatalog content)
    {
        var result = record.Outcome.Result;
        return new()
        {
            ResultUrl = links.To($"/r/{record.Token}"),
            Triage = result.Triage,
            TriageReasons = [.. result.TriageReasons.Select(r => new TriageReasonView(r.Rule, r.Level, r.Text, r.TimeFrame ?? TimeFrames.Before(r.Level)))],
            TimeFrame = result.HowSoon,
            TimeFrameText = result.HowSoon is { } howSoon ? content.Rules.RuleSet.Words(howSoon) : null,
            TopCause = result.TopCause,
            Prevention = result.Prevention,
            CausesSetAside = result.CausesSetAside,
            Causes = [.. result.Causes.Select(c => new CauseView(c.Cause, content.CauseName(c.Cause), c.Score, c.Band,
                [.. c.Evidence.Select(e => new EvidenceView(e.Text, e.Weight, e.Answers))]))],
            Findings = [.. result.Findings.Select(f => new FindingView(f.Id, f.Text))],
            TrainingLoad = result.TrainingLoad,
            Routines = [.. record.Outcome.Routines.Select(r => new RoutinePickView(r.Slug, r.Title, r.Targets, r.Reasons))],
            RulesVersion = result.RulesVersion,
            QuestionnaireVersion = record.QuestionnaireVersion,
            CreatedAt = record.CreatedAt,
            Answers = AnswerReader.ToJson(record.Answers, content.Questions),
        };
    }
}

/// <summary>
/// The answer to POST /api/assessments: the assessment plus the runner's private manage link,
/// which only the creator ever sees (the response is never stored by a cache).
/// </summary>
public sealed record AssessmentCreated : AssessmentView
{
    /// <summary>
    /// The constructor the serializer reads the type by: without [SetsRequiredMembers] every member
    /// counts as required, so the document says the view's fields are always there too.
    /// </summary>
    public AssessmentCreated()
    {
    }

    [SetsRequiredMembers]
    public AssessmentCreated(AssessmentView view, string manageUrl) : base(view) => ManageUrl = manageUrl;

    /// <summary>Last, after the view's fields, as the API has always written it.</summary>
    [JsonPropertyOrder(1)]
    public required string ManageUrl { get; init; }
}

/// <param name="TimeFrame">How soon this rule asks for; null for the self-care line.</param>
public sealed record TriageReasonView(string Rule, Triage Level, string Text, TimeFrame? TimeFrame);

public sealed record CauseView(string Cause, string Name, double Score, Band Band, IReadOnlyList<EvidenceView> Evidence);

/// <summary>An answer that counted for (or, with a negative weight, against) a cause, and the answers it rests on.</summary>
public sealed record EvidenceView(string Text, double Weight, IReadOnlyList<string> Answers);

public sealed record FindingView(string Id, string Text);

public sealed record RoutinePickView(string Slug, string Title, IReadOnlyList<string> Targets, IReadOnlyList<string> Reasons);
