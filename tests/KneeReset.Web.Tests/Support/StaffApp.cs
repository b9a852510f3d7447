using KneeReset.Web.Areas.Staff.Accounts;
using KneeReset.Web.Areas.Staff.Library;
using KneeReset.Web.Data;
using KneeReset.Web.Library;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests;

/// <summary>
/// The app for staff-area tests: a <see cref="KneeResetFactory"/> (its own SQLite file) with
/// <see cref="TestStaffSignIn"/>, uploads and keys in a temporary folder and sign-in attempts not
/// rate limited. Share one per collection; each test makes its own data.
/// </summary>
public class StaffApp : IDisposable
{
    private readonly KneeResetFactory _app = new();
    /// <summary>Uploads and data-protection keys, outside the source tree.</summary>
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"kneereset-staff-{Guid.NewGuid():N}");

    public StaffApp() : this([])
    {
    }

    protected StaffApp(IEnumerable<KeyValuePair<string, string>> settings)
    {
        var all = settings.ToList();
        Factory = _app.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Media:Path", MediaFolder);
            builder.UseSetting("DataProtection:KeysPath", Path.Combine(_folder, "keys"));
            builder.UseSetting("RateLimits:SignInsPerMinute", "10000");
            foreach (var (key, value) in all)
            {
                builder.UseSetting(key, value);
            }
            builder.ConfigureTestServices(services =>
            {
                TestStaffSignIn.AddTo(services);
                services.AddSingleton<TimeProvider>(Clock);
                StorageFaults.AddTo(services, Faults);
            });
        });
    }

    public WebApplicationFactory<Program> Factory { get; }

    /// <summary>Makes the app's writes fail on demand (a full or failing disk); off unless a test arms it.</summary>
    public StorageFaults Faults { get; } = new();

    public IServiceProvider Services => Factory.Services;

    /// <summary>The app's clock: real time, moved on by tests that need time to pass (never backwards).</summary>
    public ShiftedClock Clock { get; } = new();

    public string MediaFolder => Path.Combine(_folder, "media");

    /// <summary>A browser nobody has signed in to: keeps cookies, does not follow redirects.</summary>
    public HttpClient Anonymous() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A browser signed in (through the test scheme) as <paramref name="email"/> with <paramref name="role"/>.</summary>
    public HttpClient SignedIn(string role, string? email = null)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add(TestStaffSignIn.RoleHeader, role);
        client.DefaultRequestHeaders.Add(TestStaffSignIn.UserHeader, email ?? $"{role.ToLowerInvariant()}@studio.test");
        return client;
    }

    /// <summary>Runs a query against the app's database in a scope of its own.</summary>
    public async Task<T> QueryAsync<T>(Func<KneeResetDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KneeResetDbContext>());
    }

    /// <summary>The routine with this slug, steps and exercises included, as stored now (or null).</summary>
    public Task<Routine?> RoutineAsync(string slug) =>
        QueryAsync(db => db.Routines.AsNoTracking().Include(r => r.Steps.OrderBy(s => s.Position)).ThenInclude(s => s.Exercise)
            .FirstOrDefaultAsync(r => r.Slug == slug));

    /// <summary>Saves a routine through the library editor (as staff would) and returns its id.</summary>
    public async Task<int> CreateRoutineAsync(string slug, string status = "draft", string? title = null, IReadOnlyList<RoutineStepFile>? steps = null, bool gentle = false)
    {
        await using var scope = Services.CreateAsyncScope();
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
    public async Task<int> CreateExerciseAsync(string slug, string status = "published", IReadOnlyList<string>? instructions = null)
    {
        await using var scope = Services.CreateAsyncScope();
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
    public async Task<StaffUser> CreateStaffAsync(string email, string role, string? password = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var (user, errors) = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(email, null, role, "setup@studio.test");
        Assert.True(user is not null, string.Join(" ", errors));
        if (password is not null)
        {
            var added = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().AddPasswordAsync(user, password);
            Assert.True(added.Succeeded, string.Join(" ", added.Errors.Select(e => e.Description)));
        }
        return user;
    }

    /// <summary>A slug no other test uses: the prefix and eight random hex digits.</summary>
    public static string NewSlug(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }
        // xunit 2 disposes fixtures synchronously; the factory's Dispose runs its DisposeAsync (deleting the database file).
        _app.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

/// <summary>
/// A staff app whose first admin comes from configuration (Staff:BootstrapEmail and
/// Staff:BootstrapPassword) on a fresh database, for the tests that sign in for real.
/// </summary>
public sealed class StaffSignInApp : StaffApp
{
    public const string AdminEmail = "first.admin@studio.test";
    public const string AdminPassword = "kneecap gravel 42 hills";

    public StaffSignInApp() : base([new("Staff:BootstrapEmail", AdminEmail), new("Staff:BootstrapPassword", AdminPassword)])
    {
    }
}

/// <summary>Staff tests that sign in through the test scheme; they share one app and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SharedStaffApp : ICollectionFixture<StaffApp>
{
    public const string Name = "staff app";
}

/// <summary>Staff tests that sign in through the real page, on an app with a configured first admin.</summary>
[CollectionDefinition(Name)]
public sealed class SharedSignInApp : ICollectionFixture<StaffSignInApp>
{
    public const string Name = "staff sign-in";
}

/// <summary>The system clock plus an offset a test can move forward, so time can pass without sleeping.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
}
