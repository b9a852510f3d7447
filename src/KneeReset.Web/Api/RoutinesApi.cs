using System.Text.Json;
using System.Text.Json.Nodes;
using KneeReset.Web.Library;

namespace KneeReset.Web.Api;

/// <summary>GET /api/routines and GET /api/routines/{slug}: the published library.</summary>
public static class RoutinesApi
{
    public static IEndpointRouteBuilder MapRoutinesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/routines").WithTags("Routines").CacheOutput(LibraryCache.Policy);
        group.MapGet("/", async (RoutineLibrary library, CancellationToken cancellationToken) =>
            Results.Json((await library.PublishedAsync(cancellationToken)).Select(Summary)));
        group.MapGet("/{slug}", async (string slug, RoutineLibrary library, CancellationToken cancellationToken) =>
            await library.FindAsync(slug, cancellationToken) is { } view
                ? Results.Json(Detail(view))
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No routine called '{slug}'."));
        return app;
    }

    private static object Summary(RoutineView view) => new
    {
        slug = view.Routine.Slug,
        title = view.Routine.Title,
        summary = view.Routine.Summary,
        phase = view.Routine.Phase,
        difficulty = view.Routine.Difficulty,
        durationSeconds = view.DurationSeconds,
        targets = view.Targets,
        causes = view.Routine.Causes,
        equipment = view.Equipment,
    };

    /// <summary>The summary plus what a runner needs to follow the routine.</summary>
    private static JsonObject Detail(RoutineView view)
    {
        var detail = JsonSerializer.SerializeToNode(Summary(view), JsonSerializerOptions.Web)!.AsObject();
        detail["whenToDo"] = view.Routine.WhenToDo;
        detail["findings"] = JsonSerializer.SerializeToNode(view.Routine.Findings, JsonSerializerOptions.Web);
        detail["painRule"] = view.Routine.PainRule;
        detail["steps"] = JsonSerializer.SerializeToNode(Steps(view), JsonSerializerOptions.Web);
        return detail;
    }

    private static IEnumerable<object> Steps(RoutineView view) =>
        view.Routine.Steps.Select(s => new
        {
            position = s.Position,
            exercise = s.Exercise.Slug,
            name = s.Exercise.Name,
            kind = s.Exercise.Kind,
            sets = s.Sets,
            reps = s.Reps,
            holdSeconds = s.HoldSeconds,
            restSeconds = s.RestSeconds,
            perSide = s.PerSide,
            tempo = s.Tempo,
            note = s.Note,
        });
}
