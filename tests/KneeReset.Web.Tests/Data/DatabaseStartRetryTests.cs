using System.Net.Sockets;
using KneeReset.Web.Data;
using KneeReset.Web.Infrastructure;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KneeReset.Web.Tests.Data;

/// <summary>
/// The policy a starting instance follows while PostgreSQL is not up yet, with a fake opener and
/// no real waiting: tries again on a refused connection, one warning each, and gives up when the
/// waits reach the budget; a wrong password or database is not waited for.
/// </summary>
public sealed class DatabaseStartRetryTests
{
    private readonly List<TimeSpan> _waited = [];
    private readonly ListLogger _log = new();

    private static NpgsqlException Refused() => new("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

    private DatabaseStartRetry Retry(int seconds) => new(TimeSpan.FromSeconds(seconds), _log, (wait, _) =>
    {
        _waited.Add(wait);
        return Task.CompletedTask;
    });

    [Fact]
    public void The_waits_double_from_one_second_and_add_up_to_the_budget()
    {
        Assert.Equal([1, 2, 4, 8, 16, 29], DatabaseStartRetry.Waits(TimeSpan.FromSeconds(60)).Select(w => w.TotalSeconds));
        Assert.Equal([1, 2], DatabaseStartRetry.Waits(TimeSpan.FromSeconds(3)).Select(w => w.TotalSeconds));
        Assert.Empty(DatabaseStartRetry.Waits(TimeSpan.Zero));
    }

    [Fact]
    public async Task A_server_that_comes_up_during_the_retries_is_used()
    {
        var attempts = 0;

        var opened = await Retry(60).RunAsync(_ => ++attempts < 3 ? throw Refused() : Task.FromResult("connection"), CancellationToken.None);

        Assert.Equal("connection", opened);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], _waited);
        Assert.Equal(2, _log.Warnings.Count);
        Assert.Contains("attempt 1", _log.Warnings[0], StringComparison.Ordinal);
        Assert.Contains("Connection refused", _log.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_still_down_when_the_waits_are_spent_fails_the_start_naming_the_setting()
    {
        var attempts = 0;

        var error = await Assert.ThrowsAsync<DatabaseNotReachableException>(() => Retry(7).RunAsync<string>(_ =>
        {
            attempts++;
            throw Refused();
        }, CancellationToken.None));

        Assert.Equal(4, attempts); // at once, then after 1, 2 and 4 seconds
        Assert.Equal(3, _log.Warnings.Count);
        Assert.Contains("Database:StartRetrySeconds (7 s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Failed to connect to 127.0.0.1:5432", error.Message, StringComparison.Ordinal);
        // One JSON error line, and the exit code a supervisor may restart on (a wrong setting's is 1).
        using var output = new StringWriter();
        Assert.Equal(StartupFailure.TryLaterExitCode, StartupFailure.Report(error, output));
        Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_wrong_password_is_not_waited_for()
    {
        var wrongPassword = new PostgresException("password authentication failed for user \"kneereset\"", "FATAL", "FATAL", PostgresErrorCodes.InvalidPassword);

        await Assert.ThrowsAsync<PostgresException>(() => Retry(60).RunAsync<string>(_ => throw wrongPassword, CancellationToken.None));

        Assert.Empty(_waited);
        Assert.Empty(_log.Warnings);
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Assert.Null(exception); // one line, never a stack trace
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
