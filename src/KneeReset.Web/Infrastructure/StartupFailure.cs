using System.Reflection;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace KneeReset.Web.Infrastructure;

/// <summary>
/// A start that fails (a wrong setting, a missing certificate, an unreachable database) is one
/// JSON error line naming the cause, and exit code 1 (75 for a database that did not answer): not
/// a plain-text stack trace and SIGABRT's 134 (issue 28). Written by a logger of its own, since the app's may be what failed.
/// </summary>
public static class StartupFailure
{
    public const int ExitCode = 1;

    /// <summary>
    /// The database did not answer within Database:StartRetrySeconds: EX_TEMPFAIL, so a supervisor
    /// that will not restart a wrong setting (systemd's RestartPreventExitStatus=1) restarts this.
    /// </summary>
    public const int TryLaterExitCode = 75;

    /// <summary>
    /// Only when this app is the process: a host factory that calls Program (the tests,
    /// `dotnet ef`) must see the exception itself.
    /// </summary>
    public static bool OwnsTheProcess => Assembly.GetEntryAssembly() == typeof(StartupFailure).Assembly;

    public static int Report(Exception error, TextWriter output)
    {
        using (var logger = new LoggerConfiguration()
            .Enrich.WithProperty("Version", AppVersion.Version)
            .WriteTo.Sink(new WriterSink(output))
            .CreateLogger())
        {
            logger.Error("The app could not start: {Reason:l} ({ErrorType:l})", Reason(error), error.GetType().Name);
        }
        output.Flush();
        return error is Data.DatabaseNotReachableException ? TryLaterExitCode : ExitCode;
    }

    /// <summary>What to fix, without the stack: every failed setting check, or the innermost message.</summary>
    public static string Reason(Exception error) => error switch
    {
        OptionsValidationException invalid => string.Join(" ", invalid.Failures),
        AggregateException many => string.Join(" ", many.Flatten().InnerExceptions.Select(Reason)),
        { InnerException: { } inner } when error is TargetInvocationException or TypeInitializationException => Reason(inner),
        _ => error.Message,
    };

    private sealed class WriterSink(TextWriter output) : ILogEventSink
    {
        private readonly LevelledJsonFormatter _formatter = new();

        public void Emit(LogEvent logEvent) => _formatter.Format(logEvent, output);
    }
}
