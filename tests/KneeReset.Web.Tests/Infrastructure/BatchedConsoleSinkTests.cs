using KneeReset.Web.Infrastructure;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Parsing;

namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>The console sink writes a batch of request logs in order, as one write followed by one flush.</summary>
public class BatchedConsoleSinkTests
{
    [Fact]
    public async Task A_batch_is_written_in_order_with_one_write_and_one_flush()
    {
        var output = new CountingWriter();
        var sink = new BatchedConsoleSink(new RenderedCompactJsonFormatter(), output);

        await sink.EmitBatchAsync([Event("first"), Event("second"), Event("third")]);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"@m\":\"first\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"@m\":\"third\"", lines[2], StringComparison.Ordinal);
        Assert.Equal((1, 1), (output.Writes, output.Flushes));
    }

    private static LogEvent Event(string text) =>
        new(DateTimeOffset.UnixEpoch, LogEventLevel.Information, null, new MessageTemplateParser().Parse(text), []);

    private sealed class CountingWriter : StringWriter
    {
        public int Writes { get; private set; }
        public int Flushes { get; private set; }

        public override Task WriteAsync(string? value)
        {
            Writes++;
            return base.WriteAsync(value);
        }

        public override Task FlushAsync()
        {
            Flushes++;
            return base.FlushAsync();
        }
    }
}
