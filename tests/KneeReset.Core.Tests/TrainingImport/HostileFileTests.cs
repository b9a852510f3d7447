using System.Globalization;
using System.IO.Compression;
using System.Text;
using KneeReset.Core.TrainingImport;
using static KneeReset.Core.Tests.TrainingImport.TrainingFiles;

namespace KneeReset.Core.Tests.TrainingImport;

/// <summary>Files that are broken, hostile or too big get a plain message naming the file, never a crash.</summary>
public class HostileFileTests
{
    private static readonly GeneratedRun AnyRun = new(new DateTimeOffset(2025, 10, 31, 7, 0, 0, TimeSpan.Zero), 5, TimeSpan.FromMinutes(30));

    private static TrainingImportException Refused(params (string FileName, Stream Content)[] files) =>
        Assert.Throws<TrainingImportException>(() => TrainingImporter.ReadRuns(files));

    private static void AssertRefusedNaming(string fileName, string content, string expectedWords)
    {
        var error = Refused(File(fileName, content));
        Assert.Equal(fileName, error.FileName);
        Assert.StartsWith(fileName + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expectedWords, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_billion_laughs_entity_bomb_is_refused_without_expanding_it()
    {
        var bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE gpx [\n <!ENTITY lol0 \"lol\">\n");
        for (var i = 1; i <= 9; i++)
        {
            bomb.Append(CultureInfo.InvariantCulture, $" <!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">\n");
        }
        bomb.Append("]>\n<gpx version=\"1.1\"><trk><name>&lol9;</name></trk></gpx>");

        AssertRefusedNaming("laughs.gpx", bomb.ToString(), "declares a DTD");
    }

    [Fact]
    public void A_dtd_after_a_long_prolog_is_refused_by_the_reader_itself()
    {
        var xml = "<?xml version=\"1.0\"?>\n<!--" + new string('x', 4000) + "-->\n<!DOCTYPE gpx [ <!ENTITY a \"b\"> ]>\n<gpx>&a;</gpx>";

        AssertRefusedNaming("padded.gpx", xml, "this is not well-formed XML (or it uses a DTD or entities");
    }

    [Fact]
    public void An_external_entity_is_refused_and_never_fetched()
    {
        var secret = Path.GetTempFileName();
        System.IO.File.WriteAllText(secret, "2025-10-31T07:00:00Z");
        try
        {
            var xxe = $"""
                <?xml version="1.0"?>
                <!DOCTYPE gpx [ <!ENTITY when SYSTEM "file://{secret}"> ]>
                <gpx version="1.1"><metadata><time>&when;</time></metadata></gpx>
                """;

            AssertRefusedNaming("xxe.gpx", xxe, "declares a DTD");
        }
        finally
        {
            System.IO.File.Delete(secret);
        }
    }

    [Fact]
    public void Any_dtd_is_refused()
    {
        AssertRefusedNaming("dtd.tcx", "<!DOCTYPE TrainingCenterDatabase SYSTEM \"tcx.dtd\"><TrainingCenterDatabase/>", "declares a DTD");
    }

    [Fact]
    public void An_undeclared_entity_is_refused()
    {
        AssertRefusedNaming("entity.gpx", "<gpx version=\"1.1\"><trk><name>&secret;</name></trk></gpx>", "not well-formed XML");
    }

    [Theory]
    [InlineData("<gpx version=\"1.1\"><trk><trkseg><trkpt lat=\"45\" lon=\"10\">", "line 1")] // cut off
    [InlineData("<gpx><trk></gpx>", "line 1")]
    [InlineData("<?xml version=\"1.0\"?>\n<gpx>\n<trk>\n<name>a < b</name></trk></gpx>", "line 4")]
    public void Broken_xml_is_refused_with_the_line(string xml, string line)
    {
        AssertRefusedNaming("broken.gpx", xml, line);
    }

    [Theory]
    [InlineData("<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document/></kml>", "<kml>")]
    [InlineData("<html><body>Strava</body></html>", "<html>")]
    public void Xml_that_is_neither_gpx_nor_tcx_is_refused_naming_its_root(string xml, string root)
    {
        AssertRefusedNaming("route.kml", xml, $"neither GPX nor TCX (its root element is {root})");
    }

    [Theory]
    [InlineData("<gpx><trk><trkseg><trkpt lat=\"north\" lon=\"10\"><time>2025-10-31T07:00:00Z</time></trkpt></trkseg></trk></gpx>", "lat should be a number but is 'north'")]
    [InlineData("<gpx><trk><trkseg><trkpt lat=\"95\" lon=\"10\"><time>2025-10-31T07:00:00Z</time></trkpt></trkseg></trk></gpx>", "is not on Earth")]
    [InlineData("<gpx><trk><trkseg><trkpt lon=\"10\"><time>2025-10-31T07:00:00Z</time></trkpt></trkseg></trk></gpx>", "has no lat and lon")]
    [InlineData("<gpx><trk><trkseg><trkpt lat=\"45\" lon=\"10\"><time>yesterday</time></trkpt></trkseg></trk></gpx>", "time should be a date and time but is 'yesterday'")]
    [InlineData("<gpx><trk><trkseg><trkpt lat=\"45\" lon=\"10\"/></trkseg></trk></gpx>", "has no times")]
    [InlineData("<TrainingCenterDatabase><Activities><Activity Sport=\"Running\"><Id>2025-10-31T07:00:00Z</Id><Lap><DistanceMeters>far</DistanceMeters></Lap></Activity></Activities></TrainingCenterDatabase>", "DistanceMeters should be a number but is 'far'")]
    [InlineData("<TrainingCenterDatabase><Activities><Activity Sport=\"Running\"><Lap><DistanceMeters>5000</DistanceMeters></Lap></Activity></Activities></TrainingCenterDatabase>", "no Id or start time")]
    public void Values_of_the_wrong_type_are_refused_saying_which(string xml, string message)
    {
        AssertRefusedNaming("wrong.xml", xml, message);
    }

    [Fact]
    public void A_csv_without_a_distance_column_is_refused()
    {
        AssertRefusedNaming("activities.csv", "Activity ID,Activity Date,Activity Type,Elapsed Time\n1,\"Oct 31, 2025, 7:02:11 AM\",Run,3000\n",
            "no Distance column");
    }

    [Fact]
    public void A_csv_that_is_not_an_activity_list_is_refused()
    {
        AssertRefusedNaming("budget.csv", "Month,Spent\nOctober,120\n", "neither a Strava activities.csv nor a Garmin Connect activity list");
    }

    [Fact]
    public void A_text_file_that_is_no_list_is_called_plain_text_not_a_csv()
    {
        var error = Refused(File("notes.txt", "Ran to the park today\nKnee sore after\n"));

        Assert.StartsWith("notes.txt: this is plain text", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("CSV", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Running,yesterday,5", "line 2: 'yesterday' is not a date")]
    [InlineData("Running,2025-10-31 07:00:00,five", "line 2: the distance 'five' is not a number")]
    [InlineData("Running,2025-10-31 07:00:00,\"5", "line 2: read as comma-separated values, the file is broken")]
    public void Bad_csv_rows_are_refused_with_their_line(string row, string message)
    {
        AssertRefusedNaming("Activities.csv", $"Activity Type,Date,Distance\n{row}\n", message);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_without_reading_past_the_limit()
    {
        var endless = new EndlessStream();

        var error = Refused(("huge.gpx", endless));

        Assert.Equal("huge.gpx: the file is larger than 20 MB, the most one file may be.", error.Message);
        Assert.InRange(endless.BytesRead, ImportLimits.MaxFileBytes, ImportLimits.MaxFileBytes + 1);
    }

    [Fact]
    public void A_gzip_bomb_is_refused_once_it_unpacks_past_the_size_limit()
    {
        var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("<gpx>"));
            gzip.Write(new byte[ImportLimits.MaxFileBytes]);
        }
        packed.Position = 0;

        var error = Refused(("bomb.gpx.gz", packed));

        Assert.Equal("bomb.gpx.gz: it unpacks to more than 20 MB, the most one file may hold.", error.Message);
    }

    [Fact]
    public void More_files_than_the_limit_are_refused_before_any_is_read()
    {
        var files = Enumerable.Range(0, ImportLimits.MaxFiles + 1).Select(i => ($"{i}.gpx", (Stream)new EndlessStream())).ToArray();

        var error = Refused(files);

        Assert.Null(error.FileName);
        Assert.Equal("Too many files: at most 400 can be added at once.", error.Message);
        Assert.All(files, f => Assert.Equal(0, ((EndlessStream)f.Item2).BytesRead));
    }

    [Fact]
    public void An_upload_over_its_total_size_limit_is_refused()
    {
        var gpx = Gpx11(AnyRun);
        var limits = ImportLimits.Default with { UploadBytes = (gpx.Length * 2) + 10 };

        var error = Assert.Throws<TrainingImportException>(() =>
            TrainingImporter.ReadRuns([File("1.gpx", gpx), File("2.gpx", gpx), File("3.gpx", gpx)], limits: limits));

        Assert.Null(error.FileName);
        Assert.StartsWith("The files add up to more than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_upload_of_no_files_is_refused()
    {
        Assert.Equal("No files were added.", Refused().Message);
    }

    [Theory]
    [InlineData(new byte[] { }, "the file is empty")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, "zip archive")]
    [InlineData(new byte[] { 0x0E, 0x10, 0x43, 0x08, 0x00, 0x00, 0x00, 0x00, 0x2E, 0x46, 0x49, 0x54, 0x00, 0x00 }, "FIT file")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00 }, "not a GPX, TCX or CSV file")]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xFF, 0xFF, 0xFF, 0xFF }, "damaged")]
    public void Files_of_other_kinds_are_refused_saying_what_they_are(byte[] content, string message)
    {
        var error = Refused(("upload.bin", new MemoryStream(content)));

        Assert.StartsWith("upload.bin: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A file that never ends, counting what was read from it.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)' ', offset, count);
            BytesRead += count;
            return count;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
