using System.Globalization;
using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace KneeReset.Web.Infrastructure;

/// <summary>
/// Console logs written in batches through Serilog's own batching: a request queues its event
/// and moves on; a background task writes what has gathered with one write and one flush.
/// It replaced Serilog.Sinks.Async, whose worker spun on a semaphore for every event: 12.6 % of
/// the CPU time under load on the 2-core machine (issue 12, docs/performance.md).
/// </summary>
public sealed class BatchedConsoleSink(ITextFormatter formatter, TextWriter output) : IBatchedLogEventSink
{
    public async Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var logEvent in batch)
        {
            formatter.Format(logEvent, text);
        }
        await output.WriteAsync(text.ToString());
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
        writeTo.Sink(new BatchedConsoleSink(formatter, Console.Out), new BatchingOptions
        {
            BatchSizeLimit = 1_000,
            BufferingTimeLimit = TimeSpan.FromMilliseconds(delayMilliseconds),
            QueueLimit = queueLimit,
            EagerlyEmitFirstEvent = true,
        });
}
