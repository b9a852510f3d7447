using KneeReset.Core.TrainingImport;
using static KneeReset.Core.Tests.TrainingImport.TrainingFiles;

namespace KneeReset.Core.Tests.TrainingImport;

/// <summary>The runs of an upload as the ladder's "Log a run I recorded" reads them: dates and times only, oldest first.</summary>
public class ReadRunsAsyncTests
{
    [Fact]
    public async Task The_runs_come_oldest_first_with_their_date_and_time_start_to_finish()
    {
        var imported = await TrainingImporter.ReadRunsAsync([File("two.gpx", Gpx11(RunOnHalloween(0, 6), RunOnHalloween(-3, 5)))]);

        Assert.Equal(
            [(new DateOnly(2025, 10, 28), TimeSpan.FromMinutes(27.5)), (new DateOnly(2025, 10, 31), TimeSpan.FromMinutes(33))],
            imported.Runs.Select(r => (r.Date, r.Duration!.Value)));
    }

    [Fact]
    public async Task An_upload_without_a_usable_run_is_refused_with_the_imports_message()
    {
        var error = await Assert.ThrowsAsync<TrainingImportException>(() =>
            TrainingImporter.ReadRunsAsync([File("ride.gpx", Gpx11(RunOnHalloween(0, 20, "cycling")))]));

        Assert.StartsWith("No run in the files can be used.", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a run", error.Message, StringComparison.Ordinal);
    }
}
