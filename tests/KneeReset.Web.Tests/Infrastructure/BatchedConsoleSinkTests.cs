using System.Text;
using KneeReset.Web.Infrastructure;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Parsing;

namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>
/// The console sink writes a batch of request logs in order, through one buffer: a small batch
/// reaches the output in one write and one flush, a full one in a write per 64 KB, never per event.
/// </summary>
public class BatchedConsoleSinkTests
{
    [Fact]
    public async Task A_batch_is_written_in_order_with_one_write_and_one_flush()
    {
        var output = new CountingStream();
        var sink = new BatchedConsoleSink(new RenderedCompactJsonFormatter(), BatchedConsoleSink.BufferedOver(output));

        await sink.EmitBatchAsync([Event("first"), Event("second"), Event("third")]);

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"@m\":\"first\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"@m\":\"third\"", lines[2], StringComparison.Ordinal);
        Assert.Equal((1, 1), (output.Writes, output.Flushes));
    }

    [Fact]
    public async Task A_full_batch_is_written_in_a_few_large_writes()
    {
        var output = new CountingStream();
        var sink = new BatchedConsoleSink(new RenderedCompactJsonFormatter(), BatchedConsoleSink.BufferedOver(output));
        var events = Enumerable.Range(0, 1_000).Select(i => Event($"HTTP GET /routines/tendon-loading responded 200 in {i}.1234 ms, request {i} of a full batch, about as long as a request log line")).ToList();

        await sink.EmitBatchAsync(events);

        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.Equal(1_000, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        // A write each time the 64 KB buffer fills, and one for the rest: not one per event.
        Assert.InRange(output.Writes, 1, (int)(output.Length / (64 * 1024)) + 2);
        Assert.Equal(1, output.Flushes);
        Assert.True(output.Length > 2 * 64 * 1024, $"{output.Length} bytes: the batch should span several buffers");
    }

    private static LogEvent Event(string text) =>
        new(DateTimeOffset.UnixEpoch, LogEventLevel.Information, null, new MessageTemplateParser().Parse(text), []);

    /// <summary>Counts the writes and flushes that reach the stream (a derived MemoryStream's other overloads all end in these).</summary>
    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }
        public int Flushes { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            base.Write(buffer, offset, count);
        }

        public override void Flush()
        {
            Flushes++;
            base.Flush();
        }
    }
}
