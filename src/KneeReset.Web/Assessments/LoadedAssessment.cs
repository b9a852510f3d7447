using KneeReset.Core.Questionnaire;
using KneeReset.Web.Data;

namespace KneeReset.Web.Assessments;

/// <summary>A completed assessment as pages and the API show it.</summary>
public sealed record LoadedAssessment(StoredAssessment Stored, Answers Answers, AssessmentOutcome Outcome)
{
    public string Token => Stored.Token;
    public DateTimeOffset CreatedAt => Stored.CreatedAt;
    public string QuestionnaireVersion => Stored.QuestionnaireVersion;
    public string Unit => Stored.Unit;
    public bool HasPasscode => Stored.PasscodeHash is not null;
}
