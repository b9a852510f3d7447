using KneeReset.Web.Content;
using KneeReset.Web.Data;
using KneeReset.Web.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Library;

/// <summary>The library's content files: what they say holds together, and the store holds exactly what they say.</summary>
public class LibraryFilesTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task Every_seeded_item_reads_back_exactly_as_its_content_file_so_content_updates_can_reach_it()
    {
        // The store as seeded: no test in this class changes the library.
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
        var contentDir = scope.ServiceProvider.GetRequiredService<ContentCatalog>().Path;
        var routines = await db.Routines.AsNoTracking().Include(r => r.Steps).ThenInclude(s => s.Exercise).ToDictionaryAsync(r => r.Slug);
        var exercises = await db.Exercises.AsNoTracking().ToDictionaryAsync(e => e.Slug);

        Assert.All(LibraryFiles.ReadRoutines(contentDir), f => Assert.Equal(LibraryFiles.Write(f), LibraryFiles.Write(LibraryFiles.ToFile(routines[f.Slug]))));
        Assert.All(LibraryFiles.ReadExercises(contentDir), f => Assert.Equal(LibraryFiles.Write(f), LibraryFiles.Write(LibraryFiles.ToFile(exercises[f.Slug]))));
    }

    [Fact]
    public void Gentle_routines_hold_only_unloaded_range_of_motion_work()
    {
        var contentDir = factory.Services.GetRequiredService<ContentCatalog>().Path;
        var kinds = LibraryFiles.ReadExercises(contentDir).ToDictionary(e => e.Slug, e => e.Kind);

        var gentle = LibraryFiles.ReadRoutines(contentDir).Where(r => r.Gentle).ToList();

        Assert.NotEmpty(gentle);
        Assert.All(gentle.SelectMany(r => r.Steps), s => Assert.Contains(kinds[s.Exercise], new[] { "mobility", "stretch" }));
    }

    [Fact]
    public void Every_variation_names_an_exercise_that_exists()
    {
        var exercises = LibraryFiles.ReadExercises(factory.Services.GetRequiredService<ContentCatalog>().Path);
        var slugs = exercises.Select(e => e.Slug).ToHashSet();

        Assert.All(exercises.SelectMany(e => new[] { e.Easier, e.Harder }).OfType<string>(), slug => Assert.Contains(slug, slugs));
    }
}
