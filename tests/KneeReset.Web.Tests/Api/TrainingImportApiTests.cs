using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using KneeReset.Core.Tests.TrainingImport;
using KneeReset.Core.TrainingImport;
using KneeReset.Web.Training;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static KneeReset.Core.Tests.TrainingImport.TrainingFiles;

namespace KneeReset.Web.Tests.Api;

/// <summary>POST /api/training/import: files in, figures out; anything unreadable is a 400 problem naming the file.</summary>
public class TrainingImportApiTests(KneeResetFactory factory, TrainingImportApiTests.TwoImportsPerMinuteApp limited)
    : IClassFixture<KneeResetFactory>, IClassFixture<TrainingImportApiTests.TwoImportsPerMinuteApp>
{
    private static GeneratedRun Run(int days, double km, string type = "running") => RunOnHalloween(days, km, type);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public static TheoryData<string, string> OctoberInEveryFormat() => new()
    {
        { "october.gpx", Gpx11(October) },
        { "october.tcx", Tcx(October.Select(r => r with { Type = "Running" }).ToArray()) },
        { "activities.csv", StravaCsv(October.Select(r => r with { Type = "Run" }).ToArray()) },
        { "Activities.csv", GarminCsv(October.Select(r => r with { Type = "Running" }).ToArray(), TimeZoneInfo.Utc) },
    };

    [Theory]
    [MemberData(nameof(OctoberInEveryFormat))]
    public async Task A_month_of_runs_in_any_format_gives_the_figures_and_the_spike(string fileName, string content)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostFilesAsync([(fileName, Bytes(content))]);

        var json = await ReadOkAsync(response);
        Assert.Equal(5, (int)json["runs"]!);
        Assert.Equal("2025-10-01", (string?)json["from"]);
        Assert.Equal("2025-10-31", (string?)json["to"]);
        Assert.Equal("2025-10-31", (string?)json["asOf"]);
        Assert.Equal(
            [("2025-09-29", 8.0), ("2025-10-06", 8.0), ("2025-10-13", 8.0), ("2025-10-20", 8.0), ("2025-10-27", 16.0)],
            json["weeklyKm"]!.AsArray().Select(w => ((string)w!["weekStart"]!, (double)w["km"]!)));
        var answers = json["answers"]!.AsObject();
        Assert.Equal(16, (double)answers["weekly_km_now"]!);
        Assert.Equal(8, (double)answers["weekly_km_month_ago"]!);
        Assert.Equal(16, (double)answers["longest_run_km_recent"]!);
        Assert.Equal(8, (double)answers["longest_run_km_month_before"]!);
        var spike = Assert.Single(json["spikes"]!.AsArray())!;
        Assert.Equal("""{"date":"2025-10-31","km":16,"previousLongestKm":8,"increasePercent":100,"band":"30_100"}""", spike.ToJsonString());
    }

    [Fact]
    public async Task The_answer_has_exactly_the_documented_fields_and_no_positions()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostFilesAsync([("october.gpx", Bytes(Gpx11(October)))]);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(["runs", "from", "to", "weeklyKm", "answers", "spikes", "asOf", "ignored"], json.Select(p => p.Key));
        Assert.Equal(["weekly_km_now", "weekly_km_month_ago", "longest_run_km_recent", "longest_run_km_month_before"],
            json["answers"]!.AsObject().Select(p => p.Key));
        // The tracks start at 45° N, 10° E: neither a coordinate nor its name may come back.
        foreach (var name in new[] { "\"lat", "\"lon\"", "\"longitude", "\"position", "\"track" })
        {
            Assert.DoesNotContain(name, body, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain("45.0", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_after_30_days_without_one_is_a_spike_with_no_percentage()
    {
        using var client = factory.CreateClient();
        var gap = new[] { Run(-45, 10), Run(3, 12) };

        using var response = await client.PostFilesAsync([("gap.tcx", Bytes(Tcx(gap.Select(r => r with { Type = "Running" }).ToArray())))]);

        var spike = Assert.Single((await ReadOkAsync(response))["spikes"]!.AsArray())!;
        Assert.Equal("""{"date":"2025-11-03","km":12,"previousLongestKm":0,"increasePercent":null,"band":"over_100"}""", spike.ToJsonString());
    }

    [Fact]
    public async Task Several_files_at_once_gzipped_or_not_count_each_run_once_and_rides_are_left_out()
    {
        using var client = factory.CreateClient();
        var ride = Run(-2, 40, "cycling");

        using var response = await client.PostFilesAsync([
            ("1.gpx.gz", Gzip(Gpx11(October[..3]))),
            ("2.gpx", Bytes(Gpx11(October[3..]))),
            ("again.gpx", Bytes(Gpx11(October[3..]))),
            ("ride.gpx", Bytes(Gpx11(ride))),
        ]);

        var json = await ReadOkAsync(response);
        Assert.Equal(5, (int)json["runs"]!);
        Assert.Equal(1, (int)json["ignored"]!["notRuns"]!);
        Assert.Equal(16, (double)json["answers"]!["weekly_km_now"]!);
    }

    [Fact]
    public async Task AsOf_moves_the_day_the_figures_look_back_from()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostFilesAsync([("october.gpx", Bytes(Gpx11(October)))], asOf: "2025-10-24");

        var json = await ReadOkAsync(response);
        Assert.Equal("2025-10-24", (string?)json["asOf"]);
        Assert.Equal(8, (double)json["answers"]!["weekly_km_now"]!);
        Assert.Equal(8, (double)json["answers"]!["longest_run_km_recent"]!);
        Assert.Empty(json["spikes"]!.AsArray());
    }

    // ---- anything unreadable: 400 problem+json with a plain message ----

    public static TheoryData<string, string, string> HostileFiles()
    {
        var bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE gpx [\n <!ENTITY lol0 \"lol\">\n");
        for (var i = 1; i <= 9; i++)
        {
            bomb.Append(CultureInfo.InvariantCulture, $" <!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">\n");
        }
        bomb.Append("]>\n<gpx version=\"1.1\"><trk><name>&lol9;</name></trk></gpx>");
        return new()
        {
            { "laughs.gpx", bomb.ToString(), "laughs.gpx: this file declares a DTD" },
            { "xxe.gpx", "<?xml version=\"1.0\"?><!DOCTYPE gpx [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]><gpx>&x;</gpx>", "xxe.gpx: this file declares a DTD" },
            { "broken.gpx", "<gpx version=\"1.1\"><trk><trkseg><trkpt lat=\"45\" lon=\"10\">", "broken.gpx: line 1" },
            { "north.gpx", "<gpx><trk><trkseg><trkpt lat=\"north\" lon=\"10\"><time>2025-10-31T07:00:00Z</time></trkpt></trkseg></trk></gpx>", "north.gpx: line 1: lat should be a number but is 'north'" },
            { "far.tcx", "<TrainingCenterDatabase><Activities><Activity Sport=\"Running\"><Id>2025-10-31T07:00:00Z</Id><Lap><DistanceMeters>far</DistanceMeters></Lap></Activity></Activities></TrainingCenterDatabase>", "DistanceMeters should be a number but is 'far'" },
            { "budget.csv", "Month,Spent\nOctober,120\n", "budget.csv: read as comma-separated values, this file is neither a Strava activities.csv nor a Garmin Connect activity list" },
            { "route.kml", "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document/></kml>", "neither GPX nor TCX" },
        };
    }

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task A_hostile_or_broken_file_gets_400_naming_it(string fileName, string content, string expected)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostFilesAsync([("fine.gpx", Bytes(Gpx11(October))), (fileName, Bytes(content))]);

        var message = await AssertProblemAsync(response, "files");
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_that_are_not_training_files_get_400_saying_what_they_are()
    {
        using var client = factory.CreateClient();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00];

        using var response = await client.PostFilesAsync([("photo.png", png)]);

        Assert.Equal("photo.png: this is not a GPX, TCX or CSV file.", await AssertProblemAsync(response, "files"));
    }

    [Fact]
    public async Task Files_with_only_rides_get_400_saying_there_are_no_runs()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostFilesAsync([("rides.gpx", Bytes(Gpx11(Run(0, 40, "cycling"), Run(2, 30, "cycling"))))]);

        Assert.Equal("No run in the files can be used. rides.gpx: 2 activities that are not runs.", await AssertProblemAsync(response, "files"));
    }

    [Fact]
    public async Task More_files_than_the_limit_get_400()
    {
        using var client = factory.CreateClient();
        var files = Enumerable.Range(0, ImportLimits.MaxFiles + 1).Select(i => ($"{i}.gpx", Bytes("<gpx/>"))).ToArray();

        using var response = await client.PostFilesAsync(files);

        Assert.Equal("Too many files: at most 400 can be added at once.", await AssertProblemAsync(response, "files"));
    }

    [Fact]
    public async Task A_file_over_20_mb_gets_400_naming_it()
    {
        using var client = factory.CreateClient();
        var huge = new byte[ImportLimits.MaxFileBytes + 1];
        Bytes("<gpx>").CopyTo(huge, 0);

        using var response = await client.PostFilesAsync([("huge.gpx", huge)]);

        Assert.Equal("huge.gpx: the file is larger than 20 MB, the most one file may be.", await AssertProblemAsync(response, "files"));
    }

    [Fact]
    public void The_endpoint_limits_the_request_to_one_upload_and_its_framing()
    {
        var endpoint = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>().Single(e => e.RoutePattern.RawText == "/api/training/import");

        Assert.Equal(TrainingUpload.MaxRequestBytes, endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize);
        Assert.Equal(TrainingUpload.MaxRequestBytes, endpoint.Metadata.GetMetadata<IFormOptionsMetadata>()?.MultipartBodyLengthLimit);
        Assert.InRange(TrainingUpload.MaxRequestBytes - ImportLimits.MaxUploadBytes, 1, 2 * 1024 * 1024);
    }

    [Fact]
    public async Task No_files_gets_400()
    {
        using var client = factory.CreateClient();
        using var form = new MultipartFormDataContent { { new StringContent("2025-10-31"), "asOf" } };

        using var response = await client.PostAsync(new Uri("/api/training/import", UriKind.Relative), form);

        Assert.Equal("No files were added.", await AssertProblemAsync(response, "files"));
    }

    [Fact]
    public async Task Files_in_another_field_get_400_naming_the_field()
    {
        using var client = factory.CreateClient();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Bytes(Gpx11(October))), "file", "october.gpx" } };

        using var response = await client.PostAsync(new Uri("/api/training/import", UriKind.Relative), form);

        Assert.Equal("No files were added in the field \"files\".", await AssertProblemAsync(response, "files"));
    }

    [Theory]
    [InlineData("application/json", "{\"files\": []}")]
    [InlineData("application/x-www-form-urlencoded", "files=october.gpx")]
    [InlineData("application/gpx+xml", "<gpx/>")]
    public async Task A_body_that_is_not_multipart_gets_400(string contentType, string body)
    {
        using var client = factory.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, contentType);

        using var response = await client.PostAsync(new Uri("/api/training/import", UriKind.Relative), content);

        Assert.Contains("multipart/form-data", await AssertProblemAsync(response, "contentType"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_multipart_body_cut_off_midway_gets_400()
    {
        using var client = factory.CreateClient();
        using var content = new StringContent("--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.gpx\"\r\n\r\n<gpx>", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");

        using var response = await client.PostAsync(new Uri("/api/training/import", UriKind.Relative), content);

        Assert.Contains("could not be read as a form", await AssertProblemAsync(response, "files"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("31/10/2025")]
    [InlineData("yesterday")]
    [InlineData("2025-02-30")]
    public async Task An_asOf_that_is_not_a_date_gets_400_naming_it(string asOf)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostFilesAsync([("october.gpx", Bytes(Gpx11(October)))], asOf);

        Assert.Contains("yyyy-MM-dd", await AssertProblemAsync(response, "asOf"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imports_over_the_per_client_limit_get_429()
    {
        using var client = limited.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostFilesAsync([("october.gpx", Bytes(Gpx11(October)))]);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    public sealed class TwoImportsPerMinuteApp() : KneeResetFactory([new("RateLimits:TrainingImportsPerMinute", "2")]);

    private static byte[] Gzip(string text)
    {
        var (_, stream) = Gzipped("x.gz", text);
        return ((MemoryStream)stream).ToArray();
    }

    private static async Task<JsonObject> ReadOkAsync(HttpResponseMessage response)
    {
        var json = await ApiClient.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {json.ToJsonString()}");
        return json;
    }

    /// <summary>Asserts a 400 problem naming <paramref name="field"/> and returns its message.</summary>
    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await ApiClient.ReadJsonAsync(response);
        var message = (string)json["errors"]![field]![0]!;
        Assert.Equal(message, (string?)json["detail"]);
        return message;
    }
}

/// <summary>Posting training files to the API as a client would: multipart, the field "files".</summary>
public static class TrainingImportClient
{
    public static async Task<HttpResponseMessage> PostFilesAsync(this HttpClient client, IEnumerable<(string Name, byte[] Content)> files, string? asOf = null)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "files", name);
        }
        if (asOf is not null)
        {
            form.Add(new StringContent(asOf), "asOf");
        }
        return await client.PostAsync(new Uri("/api/training/import", UriKind.Relative), form);
    }
}
