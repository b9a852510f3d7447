using System.Text;
using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace KneeReset.Web.Infrastructure;

/// <summary>
/// Console logs written in batches through Serilog's own batching: a request queues its event
/// and moves on; a background task formats what has gathered straight into a 64 KB buffer over
/// standard output and flushes it once. It replaced Serilog.Sinks.Async, whose worker spun on a
/// semaphore for every event (12.6 % of the CPU time under load on the 2-core machine), and then a
/// batch built as one string: up to 1,000 events made a string for the large object heap each time,
/// and Console.Out wrote it on in 256-character pieces (issue 12, docs/performance.md).
/// </summary>
public sealed class BatchedConsoleSink(ITextFormatter formatter, TextWriter output) : IBatchedLogEventSink
{
    private const int BufferChars = 64 * 1024;

    /// <summary>The writer the sink needs: buffered, flushed only when the sink says so.</summary>
    public static TextWriter BufferedOver(Stream stream) =>
        new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferChars) { AutoFlush = false };

    public async Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch)
    {
        foreach (var logEvent in batch)
        {
            formatter.Format(logEvent, output);
        }
        await output.FlushAsync();
    }
}

public static class BatchedConsoleSinkConfiguration
{
    /// <summary>
    /// "BatchedConsole" in the Serilog configuration. Events wait at most <paramref name="delayMilliseconds"/>;
    /// past <paramref name="queueLimit"/> waiting events, new ones are dropped rather than hold requests up.
    /// </summary>
    public static LoggerConfiguration BatchedConsole(this LoggerSinkConfiguration writeTo, ITextFormatter formatter, int delayMilliseconds = 200, int queueLimit = 100_000) =>
        writeTo.Sink(new BatchedConsoleSink(formatter, BatchedConsoleSink.BufferedOver(Console.OpenStandardOutput())), new BatchingOptions
        {
            BatchSizeLimit = 1_000,
            BufferingTimeLimit = TimeSpan.FromMilliseconds(delayMilliseconds),
            QueueLimit = queueLimit,
            EagerlyEmitFirstEvent = true,
        });
}
