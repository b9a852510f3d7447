using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using KneeReset.Core.Tests;
using KneeReset.Core.TrainingImport;
using static KneeReset.Core.Tests.TrainingImport.TrainingFiles;

namespace KneeReset.Web.Tests.Api;

/// <summary>
/// Hostile uploads to POST /api/training/import (issue 22): the shapes that made the process grow,
/// spin or fail, and a fuzz of mutated GPX, TCX and CSV files. Whatever arrives, the answer is a
/// 200 or a 400 problem, never a 5xx, and never larger than the import's bounded lists allow.
/// </summary>
public class TrainingImportHostileTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    private static readonly int Cases = PropertyIterations.Or(150);

    /// <summary>
    /// The largest answer there can be: 27 weeks, 1,000 spikes of about 110 characters, and a
    /// message naming ten files (file names are limited by the form). Far under what one 434-byte
    /// file once made (17.7 MB).
    /// </summary>
    private const int MaxAnswerBytes = 160 * 1024;

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Gzip(byte[] content)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(content);
        }
        return packed.ToArray();
    }

    [Fact]
    public async Task A_gzipped_gpx_of_millions_of_nested_elements_gets_400_naming_it()
    {
        // The file: millions of unclosed elements, some 20 KB gzipped.
        var deep = Encoding.UTF8.GetBytes("<gpx version=\"1.1\">" + new StringBuilder().Insert(0, "<a>", 6_000_000));
        using var client = factory.CreateClient();

        using var response = await client.PostFilesAsync([("deep.gpx.gz", Gzip(deep))]);

        var message = await AssertProblemAsync(response);
        Assert.Equal($"deep.gpx.gz: line 1: elements are nested more than {ImportLimits.MaxXmlDepth} deep, far deeper than any GPX or TCX file needs.", message);
    }

    [Fact]
    public async Task Two_runs_thousands_of_years_apart_give_a_small_answer_and_are_reported()
    {
        // The 434-byte file gave a 17.7 MB answer (a week for every week between year 2 and 9998).
        var csv = "Activity Type,Date,Distance\nRunning,0002-01-01 07:00:00,5\nRunning,9998-12-31 07:00:00,5\n";
        using var client = factory.CreateClient();

        using var alone = await client.PostFilesAsync([("far.csv", Bytes(csv))]);
        using var withOctober = await client.PostFilesAsync([("far.csv", Bytes(csv)), ("october.gpx", Bytes(Gpx11(October)))]);

        Assert.Equal("No run in the files can be used. far.csv: 2 activities dated outside the years 1980 to 2099.", await AssertProblemAsync(alone));
        var body = await withOctober.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, withOctober.StatusCode);
        Assert.InRange(body.Length, 1, 4096);
        var json = await ApiClient.ReadJsonAsync(withOctober);
        Assert.Equal(5, (int)json["runs"]!);
        Assert.Equal(2, (int)json["ignored"]!["outsideDates"]!);
        Assert.Equal(5, json["weeklyKm"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_run_of_1_6e308_km_is_not_accepted_and_the_answer_says_why()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostFilesAsync([("huge.csv", Bytes("Activity Type,Date,Distance\nRunning,2025-10-31 07:00:00,1.6e308\n"))]);

        Assert.Equal("No run in the files can be used. huge.csv: 1 run no one can run "
            + "(the first: a distance of 1.6E+308 km, more than the 500 km a run may be).", await AssertProblemAsync(response));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("1979-12-31")]
    public async Task An_asOf_outside_the_calendar_gets_400(string asOf)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostFilesAsync([("october.gpx", Bytes(Gpx11(October)))], asOf);

        Assert.Equal("asOf must be between 1980-01-01 and 2099-12-31.", await AssertProblemAsync(response, "asOf"));
    }

    [Fact]
    public async Task More_activities_than_an_upload_may_hold_get_400()
    {
        var csv = "Activity Type,Date,Distance\n" + new StringBuilder().Insert(0, "Running,2025-10-31 07:00:00,5\n", ImportLimits.MaxActivities + 1);
        using var client = factory.CreateClient();

        using var response = await client.PostFilesAsync([("many.csv.gz", Gzip(Bytes(csv)))]);

        Assert.StartsWith("many.csv.gz: the files hold more than 10,000 activities", await AssertProblemAsync(response), StringComparison.Ordinal);
    }

    // ---- fuzz ----

    /// <summary>Numbers at and past the limits of a double and of a run.</summary>
    private static readonly string[] Numbers =
    [
        "1.6e308", "-1.6e308", "1e308", "1e-320", "Infinity", "-Infinity", "NaN", "-0", "1e300", "9e15", "-5", "0", "500.1", "99999999999",
    ];

    /// <summary>Dates and times at the calendar's edges, and times no run takes.</summary>
    private static readonly string[] Times =
    [
        "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "9999-12-31 23:59:59",
        "0001-01-01 00:00:00", "0002-01-01 07:00:00", "9998-12-31 07:00:00", "Dec 31, 9999, 11:59:59 PM", "Jan 1, 0001, 12:00:00 AM",
        "99999999999:00:00", "1e300", "00:00:01", "-1:00:00",
    ];

    /// <summary>Markup and quoting that breaks the file's structure.</summary>
    private static readonly string[] Structure =
    [
        "<a>", "</trk>", "<trk>", "<trkseg>", "<Lap>", "</Activity>", "<Activity Sport=\"Running\">", "<!DOCTYPE x>", "&x;", "<![CDATA[",
        "\"", "\"\"", ",", "\n", "\0", "\uFEFF", "Run", "Ride", "Distance (mi)", "Distance (furlongs)",
    ];

    /// <summary>Poison that fits a value: a number for a number, a time for a time, anything for the rest.</summary>
    private static string[] PoisonFor(string value) =>
        value.Any(char.IsAsciiLetter) && !value.Contains(':', StringComparison.Ordinal) ? [.. Structure, .. Numbers]
        : value.Contains(':', StringComparison.Ordinal) || value.Count(c => c == '-') >= 2 ? Times
        : Numbers;

    private static readonly string[] Poison = [.. Numbers, .. Times, .. Structure];

    private static readonly (string Name, byte[] Content)[] Seeds =
    [
        ("october.gpx", Bytes(Gpx11(October))),
        ("october10.gpx", Bytes(Gpx10(October))),
        ("october.tcx", Bytes(Tcx(October.Select(r => r with { Type = "Running" }).ToArray()))),
        ("activities.csv", Bytes(StravaCsv(October.Select(r => r with { Type = "Run" }).ToArray()))),
        ("Activities.csv", Bytes(GarminCsv(October.Select(r => r with { Type = "Running" }).ToArray(), TimeZoneInfo.Utc))),
    ];

    /// <summary>
    /// A value in a file: an element's text, an attribute's value or a CSV field (a number, a date, a
    /// time, a type). Mutated files reach megabytes (a slice repeated 3,000 times), and scanning them
    /// once took over the old 1 s timeout under CI's load: the generator threw. The run is atomic
    /// (no backtracking into shorter runs), and the timeout only guards against a runaway.
    /// </summary>
    private static readonly Regex Value = new("(?<=[>\",\n])(?>[^<>\",=\n]+)(?=[<\",\n])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(10));

    /// <summary>
    /// One change to a file: a whole value replaced by poison, poison spliced in over a few bytes,
    /// a slice repeated many times, or a slice cut out.
    /// </summary>
    private static readonly Gen<Func<byte[], byte[]>> Mutation = Gen.Frequency(
        (8, Gen.Select(Gen.Double[0, 1], Gen.Double[0, 1]).Select<double, double, Func<byte[], byte[]>>((which, pick) => file =>
        {
            var text = Encoding.UTF8.GetString(file);
            var values = Value.Matches(text);
            if (values.Count == 0)
            {
                return file;
            }
            var value = values[(int)(which * (values.Count - 1))];
            var poison = PoisonFor(value.Value);
            return Bytes(string.Concat(text.AsSpan(0, value.Index), poison[(int)(pick * (poison.Length - 1))], text.AsSpan(value.Index + value.Length)));
        })),
        (1, Gen.Select(Gen.Double[0, 1], Gen.Int[0, 12], Gen.OneOf(Poison)).Select<double, int, string, Func<byte[], byte[]>>((where, cut, poison) => file =>
        {
            var at = (int)(where * file.Length);
            return [.. file[..at], .. Bytes(poison), .. file[Math.Min(file.Length, at + cut)..]];
        })),
        (1, Gen.Select(Gen.Double[0, 1], Gen.Int[1, 400], Gen.Int[2, 3000]).Select<double, int, int, Func<byte[], byte[]>>((where, length, times) => file =>
        {
            var at = (int)(where * file.Length);
            var slice = file[at..Math.Min(file.Length, at + length)];
            return [.. file[..at], .. Enumerable.Repeat(slice, times).SelectMany(s => s), .. file[at..]];
        })),
        (1, Gen.Select(Gen.Double[0, 1], Gen.Int[1, 200]).Select<double, int, Func<byte[], byte[]>>((where, length) => file =>
        {
            var at = (int)(where * file.Length);
            return [.. file[..at], .. file[Math.Min(file.Length, at + length)..]];
        })));

    private static readonly Gen<(string Name, byte[] Content)> MutatedFile =
        Gen.Select(Gen.OneOf(Seeds), Mutation.Array[1, 3], Gen.Bool).Select((seed, mutations, gzip) =>
        {
            var content = mutations.Aggregate(seed.Content, (file, mutate) => mutate(file));
            return gzip ? (seed.Name + ".gz", Gzip(content)) : (seed.Name, content);
        });

    [Fact]
    public async Task Mutated_training_files_never_get_a_5xx_nor_a_large_answer() =>
        await MutatedFile.Array[1, 2].SampleAsync(PostAsync, iter: Cases, threads: 1, print: Show);

    private async Task PostAsync((string Name, byte[] Content)[] files)
    {
        using var client = factory.CreateClient();
        using var response = await client.PostFilesAsync(files);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        if (status is not (200 or 400) || body.Length > MaxAnswerBytes)
        {
            throw new InvalidOperationException($"{status}, {body.Length} characters, for {Show(files)}: {body[..Math.Min(body.Length, 2000)]}");
        }
        Assert.Equal(status == 200 ? "application/json" : "application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static string Show((string Name, byte[] Content)[] files) =>
        string.Join("; ", files.Select(f => $"{f.Name} ({f.Content.Length} bytes): {Convert.ToBase64String(f.Content[..Math.Min(f.Content.Length, 600)])}"));

    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, string field = "files")
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await ApiClient.ReadJsonAsync(response);
        return (string)json["errors"]![field]![0]!;
    }
}
