using System.Text.Json.Serialization;
using KneeReset.Web.Caching;
using KneeReset.Web.Data;
using KneeReset.Web.Library;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KneeReset.Web.Api;

/// <summary>GET /api/routines and GET /api/routines/{slug}: the published library.</summary>
public static class RoutinesApi
{
    public static IEndpointRouteBuilder MapRoutinesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/routines").WithTags("Routines").CacheOutput(CachePolicies.Library);
        group.MapGet("/", async Task<Ok<List<RoutineSummary>>> (RoutineLibrary library, CancellationToken cancellationToken) =>
            TypedResults.Ok((await library.PublishedAsync(cancellationToken)).Select(RoutineSummary.Of).ToList()));
        group.MapGet("/{slug}", async Task<Results<Ok<RoutineDetail>, ProblemHttpResult>> (string slug, RoutineLibrary library, CancellationToken cancellationToken) =>
            await library.FindAsync(slug, cancellationToken) is { } view
                ? TypedResults.Ok(new RoutineDetail(view))
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No routine called '{slug}'."))
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}

/// <summary>A published routine in the list: enough to choose one.</summary>
public record RoutineSummary(
    string Slug,
    string Title,
    string Summary,
    string Phase,
    string Difficulty,
    int DurationSeconds,
    IReadOnlyList<string> Targets,
    IReadOnlyList<string> Causes,
    IReadOnlyList<string> Equipment)
{
    public static RoutineSummary Of(RoutineView view) => new(
        view.Routine.Slug, view.Routine.Title, view.Routine.Summary, view.Routine.Phase, view.Routine.Difficulty,
        view.DurationSeconds, view.Targets, view.Routine.Causes, view.Equipment);
}

/// <summary>The summary plus what a runner needs to follow the routine.</summary>
public sealed record RoutineDetail : RoutineSummary
{
    public RoutineDetail(RoutineView view) : base(Of(view))
    {
        WhenToDo = view.Routine.WhenToDo;
        Findings = view.Routine.Findings;
        PainRule = view.Routine.PainRule;
        Steps = view.Routine.Steps.Select(RoutineStepDetail.Of).ToList();
    }

    // After the summary's fields, as the API has always written them (the serializer puts a derived type's own first).
    [JsonPropertyOrder(1)] public string WhenToDo { get; }
    [JsonPropertyOrder(1)] public IReadOnlyList<string> Findings { get; }
    [JsonPropertyOrder(1)] public string? PainRule { get; }
    [JsonPropertyOrder(1)] public IReadOnlyList<RoutineStepDetail> Steps { get; }
}

/// <summary>One step: the exercise and its dosage.</summary>
public sealed record RoutineStepDetail(
    int Position,
    string Exercise,
    string Name,
    string Kind,
    int Sets,
    int? Reps,
    int? HoldSeconds,
    int RestSeconds,
    bool PerSide,
    string? Tempo,
    string? Note)
{
    public static RoutineStepDetail Of(RoutineStep step) => new(
        step.Position, step.Exercise.Slug, step.Exercise.Name, step.Exercise.Kind, step.Sets, step.Reps,
        step.HoldSeconds, step.RestSeconds, step.PerSide, step.Tempo, step.Note);
}
