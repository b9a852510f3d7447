using System.Diagnostics;
using System.Text.RegularExpressions;
using KneeReset.Web.Areas.Staff.LibraryEditing;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using Xunit.Abstractions;

namespace KneeReset.Web.Tests.Areas.Staff.Library;

/// <summary>
/// How long a library import within the limits takes, and how long it holds the store (issue 22,
/// finding 7). A measurement, not a test: it runs only when asked, and asserts no time.
/// <c>KNEERESET_MEASURE_IMPORT=1 dotnet test tests/KneeReset.Web.Tests --no-build --filter "FullyQualifiedName~ImportMeasurement" --logger "console;verbosity=detailed"</c>
/// </summary>
public sealed partial class ImportMeasurement(CountedImportApp app, ITestOutputHelper output) : IClassFixture<CountedImportApp>
{
    [MeasurementFact]
    public async Task A_library_of_990_exercises_and_10_routines()
    {
        using var editor = app.SignedIn(StaffRoles.Editor);
        editor.Timeout = Timeout.InfiniteTimeSpan;
        var first = LibraryZips.Zip(LibraryZips.Library("measured", exercises: 990, routines: 10));
        var second = LibraryZips.Zip(LibraryZips.Library("measured", exercises: 990, routines: 10, edition: 2));
        output.WriteLine($"zip: {first.Length / 1024} KB packed, {LibraryZip.MaxEntries} entries at most");

        foreach (var (what, zip) in new[] { ("new", first), ("unchanged", first), ("all updated", second) })
        {
            var form = await HtmlForm.OpenAsync(editor, "/Staff/Library/Transfer");
            app.Traffic.Reset();
            var started = Stopwatch.GetTimestamp();
            using var response = await form.Attach("Archive", "library.zip", zip, "application/zip").PressAsync("Import");
            var took = Stopwatch.GetElapsedTime(started);
            var banner = (await Browser.ParseAsync(response)).QuerySelector("[role=status]")?.TextContent ?? await StaffPages.ErrorsAsync(response);
            output.WriteLine($"{what}: {took.TotalSeconds:F2} s in all, the longest transaction {app.Traffic.LongestTransaction.TotalSeconds:F2} s; {app.Traffic.Current}; {Spaces().Replace(banner.Trim(), " ")}");
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>Runs only when KNEERESET_MEASURE_IMPORT is set: a measurement takes minutes on the old import and asserts no time.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MeasurementFactAttribute : FactAttribute
{
    public MeasurementFactAttribute() =>
        Skip = Environment.GetEnvironmentVariable("KNEERESET_MEASURE_IMPORT") is { Length: > 0 } ? null : "a measurement: set KNEERESET_MEASURE_IMPORT=1 to run it";
}
