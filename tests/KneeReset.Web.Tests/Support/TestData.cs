using KneeReset.Web.Areas.Staff.LibraryEditing;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using KneeReset.Web.Data;
using KneeReset.Web.Library;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests;

/// <summary>
/// The data a test makes for itself, through the app's own services (as staff would), and
/// queries against the app's store.
/// </summary>
public static class TestData
{
    /// <summary>A slug no other test uses: the prefix and eight random hex digits.</summary>
    public static string NewSlug(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Runs a query against the app's database in a scope of its own.</summary>
    public static async Task<T> QueryAsync<T>(this AppUnderTest app, Func<KneeResetDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KneeResetDbContext>());
    }

    /// <summary>The routine with this slug, steps and exercises included, as stored now (or null).</summary>
    public static Task<Routine?> RoutineAsync(this AppUnderTest app, string slug) =>
        app.QueryAsync(db => db.Routines.AsNoTracking().Include(r => r.Steps.OrderBy(s => s.Position)).ThenInclude(s => s.Exercise)
            .FirstOrDefaultAsync(r => r.Slug == slug));

    /// <summary>Saves a routine through the library editor (as staff would) and returns its id.</summary>
    public static async Task<int> CreateRoutineAsync(this AppUnderTest app, string slug, string status = "draft", string? title = null, IReadOnlyList<RoutineStepFile>? steps = null, bool gentle = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var file = new RoutineFile
        {
            Slug = slug,
            Title = title ?? $"Routine {slug}",
            Summary = "A routine made by a test.",
            WhenToDo = "After a run.",
            Phase = "strengthen",
            Difficulty = "easy",
            Causes = ["runners_knee"],
            Gentle = gentle,
            Status = status,
            Steps = steps?.ToList() ?? [new RoutineStepFile { Exercise = "glute-bridge", Sets = 2, Reps = 10, RestSeconds = 30 }],
        };
        var result = await scope.ServiceProvider.GetRequiredService<LibraryEditor>()
            .SaveRoutineAsync(null, file, 0, "setup@studio.test", "routine.created", CancellationToken.None);
        Assert.True(result.Saved, string.Join(" ", result.Errors.Select(e => e.ErrorMessage)));
        return result.Id!.Value;
    }

    /// <summary>Saves an exercise through the library editor and returns its id.</summary>
    public static async Task<int> CreateExerciseAsync(this AppUnderTest app, string slug, string status = "published", IReadOnlyList<string>? instructions = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var file = new ExerciseFile
        {
            Slug = slug,
            Name = $"Exercise {slug}",
            Purpose = "Made by a test.",
            Kind = "mobility",
            BodyAreas = ["hips"],
            Instructions = instructions?.ToList() ?? ["Move gently."],
            Status = status,
        };
        var result = await scope.ServiceProvider.GetRequiredService<LibraryEditor>()
            .SaveExerciseAsync(null, file, 0, "setup@studio.test", "exercise.created", CancellationToken.None);
        Assert.True(result.Saved, string.Join(" ", result.Errors.Select(e => e.ErrorMessage)));
        return result.Id!.Value;
    }

    /// <summary>Creates a staff account as an admin would (audited), with a password when given.</summary>
    public static async Task<StaffUser> CreateStaffAsync(this AppUnderTest app, string email, string role, string? password = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (user, errors) = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(email, null, role, "setup@studio.test");
        Assert.True(user is not null, string.Join(" ", errors));
        if (password is not null)
        {
            var added = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().AddPasswordAsync(user, password);
            Assert.True(added.Succeeded, string.Join(" ", added.Errors.Select(e => e.Description)));
        }
        return user;
    }
}
