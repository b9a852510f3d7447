using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace KneeReset.Web.Tests;

/// <summary>
/// Every log event the app writes (register it as an ILogEventSink service), and a way to wait,
/// without sleeping, until one that matches arrives.
/// </summary>
public sealed class LogCollector : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();
    private readonly List<(Func<LogEvent, bool> Match, TaskCompletionSource<LogEvent> Seen)> _waiting = [];

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public static string Text(LogEvent e) =>
        e.RenderMessage(CultureInfo.InvariantCulture) + " " + string.Join(" ", e.Properties.Select(p => $"{p.Key}={p.Value}")) + " " + e.Exception;

    public void Emit(LogEvent logEvent)
    {
        _events.Enqueue(logEvent);
        lock (_waiting)
        {
            foreach (var (match, seen) in _waiting.Where(w => w.Match(logEvent)).ToList())
            {
                seen.TrySetResult(logEvent);
            }
        }
    }

    /// <summary>Forgets every event and waiter, for the next class on a shared app (<see cref="AppPool"/>).</summary>
    public void Clear()
    {
        lock (_waiting)
        {
            _waiting.Clear();
            _events.Clear();
        }
    }

    /// <summary>The first event (already written or still to come) that matches; fails after 30 seconds.</summary>
    public async Task<LogEvent> WaitForAsync(Func<LogEvent, bool> match)
    {
        var seen = new TaskCompletionSource<LogEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiting)
        {
            _waiting.Add((match, seen));
        }
        if (_events.FirstOrDefault(match) is { } already)
        {
            return already;
        }
        return await seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
