using Microsoft.AspNetCore.Http.HttpResults;

namespace KneeReset.Web.Assessments;

/// <summary>The problem answers the JSON API and the FHIR export give about an assessment's address.</summary>
public static class AssessmentProblems
{
    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No assessment at this address.");

    /// <summary>Null when the passcode is right; else a 429 while the result is locked, or a 401.</summary>
    public static async Task<ProblemHttpResult?> PasscodeRefusalAsync(LoadedAssessment record, string passcode, SharePasscodes passcodes, string needsPasscode, CancellationToken cancellationToken)
    {
        var check = await passcodes.CheckAsync(record.Stored, passcode, cancellationToken);
        if (check.Locked)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many wrong passcodes for this result.",
                detail: $"It takes no passcode until {check.Until!.Value.UtcDateTime:HH:mm} UTC.");
        }
        return check.Right ? null : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: needsPasscode);
    }
}
