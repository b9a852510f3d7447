using System.Net.Sockets;
using Npgsql;

namespace KneeReset.Web.Data;

/// <summary>
/// PostgreSQL not reachable yet when an instance starts (a host reboot, a compose stack starting
/// together): try again after 1, 2, 4, 8 … seconds, the waits adding up to at most
/// Database:StartRetrySeconds, one warning line each (the reason, never the connection string);
/// then give up, and the start fails as any other (<see cref="Infrastructure.StartupFailure"/>).
/// A wrong password or a missing database is not worth waiting for: it fails at once.
/// </summary>
public sealed partial class DatabaseStartRetry(TimeSpan budget, ILogger logger, Func<TimeSpan, CancellationToken, Task>? delay = null)
{
    private readonly Func<TimeSpan, CancellationToken, Task> _delay = delay ?? Task.Delay;

    /// <summary>The waits between attempts: doubling from one second, the last cut so they add up to the budget.</summary>
    public static IReadOnlyList<TimeSpan> Waits(TimeSpan budget)
    {
        var waits = new List<TimeSpan>();
        var left = budget;
        for (var next = TimeSpan.FromSeconds(1); left > TimeSpan.Zero; next *= 2)
        {
            var wait = next < left ? next : left;
            waits.Add(wait);
            left -= wait;
        }
        return waits;
    }

    /// <summary>Errors that may pass once the server is up: refused or dropped connections, a server still starting.</summary>
    public static bool IsWorthWaitingFor(Exception error) => error switch
    {
        NpgsqlException npgsql => npgsql.IsTransient,
        SocketException or TimeoutException => true,
        _ => false,
    };

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var waits = Waits(budget);
        for (var tried = 0; ; tried++)
        {
            try
            {
                return await attempt(cancellationToken);
            }
            catch (Exception error) when (IsWorthWaitingFor(error) && !cancellationToken.IsCancellationRequested)
            {
                if (tried == waits.Count)
                {
                    throw new DatabaseNotReachableException(
                        $"PostgreSQL could not be reached within Database:StartRetrySeconds ({budget.TotalSeconds:0} s): {Reason(error)}", error);
                }
                NotReachableYet(logger, tried + 1, Reason(error), waits[tried].TotalSeconds);
                await _delay(waits[tried], cancellationToken);
            }
        }
    }

    /// <summary>Npgsql's message names the host and port, never the password; its inner one says why ("Connection refused").</summary>
    private static string Reason(Exception error) =>
        error.InnerException is { } inner && inner.Message != error.Message ? $"{error.Message} ({inner.Message})" : error.Message;

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL is not reachable yet (attempt {Attempt}): {Reason}; trying again in {WaitSeconds} s")]
    private static partial void NotReachableYet(ILogger logger, int attempt, string reason, double waitSeconds);
}

/// <summary>
/// The database did not answer at start: a cause that may pass by itself, so the process exits
/// with its own code (<see cref="Infrastructure.StartupFailure.TryLaterExitCode"/>), which a
/// supervisor may restart on, unlike a wrong setting.
/// </summary>
public sealed class DatabaseNotReachableException(string message, Exception inner) : Exception(message, inner);
