using System.Text.Json;
using KneeReset.Web.Content;
using KneeReset.Web.Data;
using KneeReset.Web.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Library;

public class LibrarySeederTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task A_staff_edit_survives_a_restart_with_new_content_files()
    {
        var content = CopyOfContent();
        try
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
            var routine = await db.Routines.SingleAsync(r => r.Slug == "core-stability");
            routine.Title = "Core stability (edited by staff)";
            await db.SaveChangesAsync();

            // New content arrives: the same routine rewritten, and a routine that is new.
            var file = Path.Combine(content, "routines", "core-stability.json");
            File.WriteAllText(file, File.ReadAllText(file).Replace("\"title\": \"", "\"title\": \"Rewritten ", StringComparison.Ordinal));
            var added = JsonSerializer.Deserialize<Dictionary<string, object?>>(File.ReadAllText(file))!;
            added["slug"] = "core-stability-extra";
            File.WriteAllText(Path.Combine(content, "routines", "core-stability-extra.json"), JsonSerializer.Serialize(added));

            await scope.ServiceProvider.GetRequiredService<LibrarySeeder>().SeedAsync(content);

            db.ChangeTracker.Clear();
            Assert.Equal("Core stability (edited by staff)", (await db.Routines.SingleAsync(r => r.Slug == "core-stability")).Title);
            var extra = await db.Routines.Include(r => r.Steps).SingleAsync(r => r.Slug == "core-stability-extra");
            Assert.StartsWith("Rewritten ", extra.Title, StringComparison.Ordinal);
            Assert.NotEmpty(extra.Steps);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    [Fact]
    public async Task Content_changes_reach_routines_and_exercises_nobody_has_edited()
    {
        var content = CopyOfContent();
        try
        {
            Rewrite(Path.Combine(content, "routines", "ankle-dorsiflexion-mobility.json"), "\"title\": \"", "\"title\": \"Updated ");
            Rewrite(Path.Combine(content, "exercises", "toe-yoga.json"), "\"name\": \"", "\"name\": \"Updated ");
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
            var before = await db.Routines.AsNoTracking().SingleAsync(r => r.Slug == "ankle-dorsiflexion-mobility");

            await scope.ServiceProvider.GetRequiredService<LibrarySeeder>().SeedAsync(content);

            db.ChangeTracker.Clear();
            var routine = await db.Routines.Include(r => r.Steps).SingleAsync(r => r.Slug == "ankle-dorsiflexion-mobility");
            Assert.StartsWith("Updated ", routine.Title, StringComparison.Ordinal);
            Assert.Equal(before.Version + 1, routine.Version);
            Assert.NotEmpty(routine.Steps);
            Assert.StartsWith("Updated ", (await db.Exercises.SingleAsync(e => e.Slug == "toe-yoga")).Name, StringComparison.Ordinal);
            var revision = await db.Revisions.Where(r => r.EntityType == "routine" && r.EntityId == routine.Id).OrderBy(r => r.Version).LastAsync();
            Assert.Equal((routine.Version, "content", "title"), (revision.Version, revision.By, revision.Summary));
            // Written as a staff save writes it: the revision with its audit entry.
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "routine.seeded" && a.Actor == "content" && a.Target == "routine ankle-dorsiflexion-mobility" && a.Details == $"version {routine.Version}: title"));
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    [Fact]
    public async Task A_routine_staff_have_saved_keeps_their_version_when_content_changes()
    {
        var content = CopyOfContent();
        try
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
            var routine = await db.Routines.SingleAsync(r => r.Slug == "foot-and-ankle-strength");
            var latest = await db.Revisions.Where(r => r.EntityType == "routine" && r.EntityId == routine.Id).OrderBy(r => r.Version).LastAsync();
            // A staff save that changed nothing visible still makes the routine theirs.
            routine.Version += 1;
            db.Revisions.Add(new Revision { EntityType = "routine", EntityId = routine.Id, Version = routine.Version, Snapshot = latest.Snapshot, Summary = "saved", By = "editor@studio.example" });
            await db.SaveChangesAsync();
            Rewrite(Path.Combine(content, "routines", "foot-and-ankle-strength.json"), "\"title\": \"", "\"title\": \"Updated ");

            await scope.ServiceProvider.GetRequiredService<LibrarySeeder>().SeedAsync(content);

            db.ChangeTracker.Clear();
            Assert.DoesNotContain("Updated", (await db.Routines.SingleAsync(r => r.Slug == "foot-and-ankle-strength")).Title, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    [Fact]
    public async Task Marking_an_exercise_springy_in_content_reaches_the_store_and_changes_no_other_exercise()
    {
        var content = CopyOfContent();
        try
        {
            Rewrite(Path.Combine(content, "exercises", "a-march.json"), "\"kind\": \"activation\",", "\"kind\": \"activation\",\n  \"springy\": true,");
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
            var before = await db.Exercises.AsNoTracking().ToDictionaryAsync(e => e.Slug, e => e.Version);
            // A store seeded before the field existed: its revisions have no "springy" at all.
            var march = await db.Exercises.SingleAsync(e => e.Slug == "a-march");
            var seeded = await db.Revisions.Where(r => r.EntityType == "exercise" && r.EntityId == march.Id).OrderBy(r => r.Version).LastAsync();
            seeded.Snapshot = seeded.Snapshot.Replace("\n  \"springy\": false,", "", StringComparison.Ordinal);
            await db.SaveChangesAsync();

            await scope.ServiceProvider.GetRequiredService<LibrarySeeder>().SeedAsync(content);

            db.ChangeTracker.Clear();
            var after = await db.Exercises.AsNoTracking().ToDictionaryAsync(e => e.Slug);
            Assert.True(after["a-march"].Springy);
            Assert.True(after["a-skip"].Springy);
            // "springy": false is never written, so a revision from before the field still reads as
            // the stored exercise (not as a staff edit), and no other exercise counts as changed.
            Assert.Equal(["a-march"], after.Values.Where(e => e.Version != before[e.Slug]).Select(e => e.Slug));
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    private static void Rewrite(string file, string find, string replace) =>
        File.WriteAllText(file, File.ReadAllText(file).Replace(find, replace, StringComparison.Ordinal));

    [Fact]
    public async Task Seeding_twice_adds_nothing()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
        var before = (await db.Exercises.CountAsync(), await db.RoutineSteps.CountAsync());

        await scope.ServiceProvider.GetRequiredService<LibrarySeeder>().SeedAsync(scope.ServiceProvider.GetRequiredService<ContentCatalog>().Path);

        Assert.Equal(before, (await db.Exercises.CountAsync(), await db.RoutineSteps.CountAsync()));
    }

    private string CopyOfContent()
    {
        var source = factory.Services.GetRequiredService<ContentCatalog>().Path;
        var target = Path.Combine(Path.GetTempPath(), $"kneereset-content-{Guid.NewGuid():N}");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }
}
