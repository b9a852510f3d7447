using KneeReset.Web.Caching;
using KneeReset.Web.Data;
using KneeReset.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KneeReset.Web.Tests.Caching.EvictionRecordingApp;

namespace KneeReset.Web.Tests.Caching;

/// <summary>
/// Each entity change forgets what <see cref="EvictionTable"/> says, and nothing more, however it
/// is saved: a synchronous or an asynchronous save, or a bulk statement through <see cref="BulkChanges"/>;
/// inside a transaction only once it commits (issue 24, finding 1).
/// </summary>
public sealed class EvictionTableTests(EvictionRecordingApp app) : IClassFixture<EvictionRecordingApp>
{
    public static TheoryData<bool> Saves => new() { false, true };

    [Fact]
    public void Every_stored_entity_is_in_the_table_or_named_as_forgetting_nothing()
    {
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>().Model;
        var ours = model.GetEntityTypes().Where(e => !e.HasSharedClrType).Select(e => e.ClrType)
            .Where(t => t.Assembly == typeof(KneeResetDbContext).Assembly || t == typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey));

        Assert.All(ours, t => Assert.True(EvictionTable.Find(t) is not null ^ EvictionTable.ForgetsNothing.Contains(t), $"{t.Name}: place it in EvictionTable.Rows or ForgetsNothing"));
    }

    [Theory]
    [MemberData(nameof(Saves))]
    public async Task A_change_to_an_assessment_forgets_its_series_pages_and_the_link_states(bool async)
    {
        var (id, series) = await NewAssessmentAsync();

        var forgot = await SaveAsync(async, async db => (await db.Assessments.SingleAsync(a => a.Id == id)).Revoke(DateTimeOffset.UtcNow));

        Assert.Equal(new Forgot(Tags(CachePolicies.SeriesTag(series)), LinkStates: true, Library: false), forgot, Same);
    }

    [Theory]
    [MemberData(nameof(Saves))]
    public async Task A_new_assessment_forgets_its_series_pages_only(bool async)
    {
        var (_, series) = await NewAssessmentAsync();

        var forgot = await SaveAsync(async, db =>
        {
            db.Assessments.Add(Assessment(series));
            return Task.CompletedTask;
        });

        Assert.Equal(new Forgot(Tags(CachePolicies.SeriesTag(series)), LinkStates: false, Library: false), forgot, Same);
    }

    [Theory]
    [MemberData(nameof(Saves))]
    public async Task Removing_an_assessment_forgets_its_series_pages_and_the_link_states(bool async)
    {
        var (id, series) = await NewAssessmentAsync();

        var forgot = await SaveAsync(async, async db => db.Assessments.Remove(await db.Assessments.SingleAsync(a => a.Id == id)));

        Assert.Equal(new Forgot(Tags(CachePolicies.SeriesTag(series)), LinkStates: true, Library: false), forgot, Same);
    }

    [Theory]
    [MemberData(nameof(Saves))]
    public async Task Counting_passcode_guesses_or_marking_the_plan_seen_forgets_nothing(bool async)
    {
        var (id, _) = await NewAssessmentAsync();

        var forgot = await SaveAsync(async, async db =>
        {
            var stored = await db.Assessments.SingleAsync(a => a.Id == id);
            stored.PasscodeFailures++;
            stored.PlanSeenJson = "{}";
        });

        Assert.Equal(Forgot.Nothing, forgot, Same);
    }

    [Theory]
    [MemberData(nameof(Saves))]
    public async Task A_session_or_a_plan_forgets_its_results_series_pages(bool async)
    {
        var (id, series) = await NewAssessmentAsync();
        var routine = await RoutineIdAsync();

        var session = await SaveAsync(async, db =>
        {
            db.RoutineSessions.Add(new RoutineSession { Token = UnguessableToken.New(), RoutineId = routine, AssessmentId = id, CompletedAt = DateTimeOffset.UtcNow, Feeling = "easy" });
            return Task.CompletedTask;
        });
        var plan = await SaveAsync(async, db =>
        {
            db.ClinicianPlans.Add(new ClinicianPlan { AssessmentId = id, Clinician = "clinician@studio.test", Note = "Hips first." });
            return Task.CompletedTask;
        });

        Assert.Equal(new Forgot(Tags(CachePolicies.SeriesTag(series)), LinkStates: false, Library: false), session, Same);
        Assert.Equal(new Forgot(Tags(CachePolicies.SeriesTag(series)), LinkStates: false, Library: false), plan, Same);
    }

    [Theory]
    [MemberData(nameof(Saves))]
    public async Task A_run_a_self_test_or_a_weekly_check_in_forgets_its_results_series_pages(bool async)
    {
        var (id, series) = await NewAssessmentAsync();
        var today = DateOnly.FromDateTime(DateTime.UnixEpoch);
        var pages = new Forgot(Tags(CachePolicies.SeriesTag(series)), LinkStates: false, Library: false);

        var run = await SaveAsync(async, db =>
        {
            db.RunLogs.Add(new RunLog { AssessmentId = id, DoneOn = today, Stage = 1, PainDuring = 1, Completed = true });
            return Task.CompletedTask;
        });
        var morning = await SaveAsync(async, async db => (await db.RunLogs.SingleAsync(r => r.AssessmentId == id)).PainNextMorning = 1);
        var test = await SaveAsync(async, db =>
        {
            db.SelfTestResults.Add(new SelfTestResult { AssessmentId = id, DoneOn = today, Test = "brisk_walk_30", Passed = true, Pain = 0 });
            return Task.CompletedTask;
        });

        var checkIn = await SaveAsync(async, db =>
        {
            db.OutcomeCheckIns.Add(new OutcomeCheckIn { AssessmentId = id, Week = "2026-W50", WorstPain = 4 });
            return Task.CompletedTask;
        });

        Assert.Equal(pages, run, Same);
        Assert.Equal(pages, morning, Same);
        Assert.Equal(pages, test, Same);
        Assert.Equal(pages, checkIn, Same);
        Assert.Equal(new Forgot(Tags(CachePolicies.ResultPagesTag), LinkStates: false, Library: false),
            await BulkAsync((bulk, db) => bulk.DeleteAsync(db.RunLogs.Where(r => r.AssessmentId == id), default)), Same);
    }

    [Theory]
    [MemberData(nameof(Saves))]
    public async Task A_routine_a_step_or_an_exercise_forgets_the_library_and_its_pages(bool async)
    {
        var routine = await RoutineIdAsync();
        var library = new Forgot(Tags(CachePolicies.LibraryTag), LinkStates: false, Library: true);

        Assert.Equal(library, await SaveAsync(async, async db => (await db.Routines.SingleAsync(r => r.Id == routine)).Summary += " "), Same);
        Assert.Equal(library, await SaveAsync(async, async db => (await db.RoutineSteps.FirstAsync(s => s.RoutineId == routine)).Sets += 1), Same);
        Assert.Equal(library, await SaveAsync(async, async db => (await db.Exercises.FirstAsync()).Name += " "), Same);
    }

    [Theory]
    [MemberData(nameof(Saves))]
    public async Task A_draft_forgets_nothing(bool async)
    {
        var forgot = await SaveAsync(async, db =>
        {
            db.AssessmentDrafts.Add(new AssessmentDraft { Id = UnguessableToken.New(), UpdatedAt = DateTimeOffset.UtcNow });
            return Task.CompletedTask;
        });

        Assert.Equal(Forgot.Nothing, forgot, Same);
    }

    [Fact]
    public async Task Bulk_statements_forget_by_the_same_table_with_every_result_page_for_unknown_rows()
    {
        var (id, _) = await NewAssessmentAsync();
        var results = new Forgot(Tags(CachePolicies.ResultPagesTag), LinkStates: true, Library: false);

        Assert.Equal(results, await BulkAsync((bulk, db) => bulk.UpdateAsync(db.Assessments.Where(a => a.Id == id), set => set.Set(a => a.Nickname, "Bulk"), default)), Same);
        Assert.Equal(Forgot.Nothing, await BulkAsync((bulk, db) => bulk.UpdateAsync(db.Assessments.Where(a => a.Id == id), set => set.Set(a => a.PasscodeFailures, a => a.PasscodeFailures + 1), default)), Same);
        Assert.Equal(results with { LinkStates = false }, await BulkAsync((bulk, db) => bulk.DeleteAsync(db.RoutineSessions.Where(s => s.AssessmentId == id), default), seedSession: id), Same);
        Assert.Equal(new Forgot(Tags(CachePolicies.LibraryTag), false, Library: true),
            await BulkAsync((bulk, db) => bulk.UpdateAsync(db.Exercises.Where(e => e.Id == db.Exercises.Min(x => x.Id)), set => set.Set(e => e.Name, e => e.Name + " "), default)), Same);
        Assert.Equal(results, await BulkAsync((bulk, db) => bulk.DeleteAsync(db.Assessments.Where(a => a.Id == id), default)), Same);
        // Nothing matched, nothing changed: nothing to forget.
        Assert.Equal(Forgot.Nothing, await BulkAsync((bulk, db) => bulk.DeleteAsync(db.Assessments.Where(a => a.Id == id), default)), Same);
        Assert.Equal(Forgot.Nothing, await BulkAsync((bulk, db) => bulk.DeleteAsync(db.AssessmentDrafts.Where(d => d.Id == "none"), default)), Same);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Inside_a_transaction_a_change_is_forgotten_when_it_commits_and_not_at_all_when_it_rolls_back(bool commit)
    {
        var (id, series) = await NewAssessmentAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
        var bulk = scope.ServiceProvider.GetRequiredService<BulkChanges>();
        await using var transaction = await db.Database.BeginTransactionAsync();

        var saved = await app.ForgotAsync(async () =>
        {
            (await db.Assessments.SingleAsync(a => a.Id == id)).Nickname = "In a transaction";
            await db.SaveChangesAsync();
            await bulk.UpdateAsync(db.Exercises.Where(e => e.Id == db.Exercises.Min(x => x.Id)), set => set.Set(e => e.Name, e => e.Name + " "), default);
        });
        var ended = await app.ForgotAsync(() => commit ? transaction.CommitAsync() : transaction.RollbackAsync());

        Assert.Equal(Forgot.Nothing, saved, Same);
        Assert.Equal(commit ? new Forgot(Tags(CachePolicies.SeriesTag(series), CachePolicies.LibraryTag), LinkStates: true, Library: true) : Forgot.Nothing, ended, Same);
    }

    private static readonly IEqualityComparer<Forgot> Same = EqualityComparer<Forgot>.Create(
        (a, b) => a!.Tags.SetEquals(b!.Tags) && a.LinkStates == b.LinkStates && a.Library == b.Library, f => f.LinkStates.GetHashCode());

    private static HashSet<string> Tags(params string[] tags) => new(tags, StringComparer.Ordinal);

    private Task<Forgot> SaveAsync(bool async, Func<KneeResetDbContext, Task> change) => app.ForgotAsync(async () =>
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
        await change(db);
        if (async)
        {
            await db.SaveChangesAsync();
        }
        else
        {
            db.SaveChanges();
        }
    });

    private async Task<Forgot> BulkAsync(Func<BulkChanges, KneeResetDbContext, Task<int>> statement, int? seedSession = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
        if (seedSession is { } id)
        {
            db.RoutineSessions.Add(new RoutineSession { Token = UnguessableToken.New(), RoutineId = await RoutineIdAsync(), AssessmentId = id, CompletedAt = DateTimeOffset.UtcNow, Feeling = "easy" });
            await db.SaveChangesAsync();
        }
        return await app.ForgotAsync(() => statement(scope.ServiceProvider.GetRequiredService<BulkChanges>(), db));
    }

    private async Task<(int Id, string Series)> NewAssessmentAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
        var stored = Assessment(UnguessableToken.New());
        db.Assessments.Add(stored);
        await db.SaveChangesAsync();
        return (stored.Id, stored.SeriesKey);
    }

    private async Task<int> RoutineIdAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KneeResetDbContext>().Routines.Where(r => r.Steps.Any()).Select(r => r.Id).FirstAsync();
    }

    private static StoredAssessment Assessment(string series) => new()
    {
        Token = UnguessableToken.New(),
        ManageToken = UnguessableToken.New(),
        SeriesKey = series,
        CreatedAt = DateTimeOffset.UtcNow,
        ShareExpiresAt = DateTimeOffset.UtcNow + StoredAssessment.DefaultShareLife,
        QuestionnaireVersion = "test",
        RulesVersion = "test",
        AnswersJson = "{}",
        ResultJson = "{}",
        Triage = "self_care",
    };
}
