using System.Threading.Channels;

namespace KneeReset.Web.Email;

/// <summary>
/// Work that sends mail after the request has been answered, one item at a time in the order
/// queued. The forgot-password form queues the same item whether or not the account exists, so
/// its answer takes the same time either way; the item looks the account up in a scope of its own.
/// </summary>
public sealed class MailInBackground(IServiceScopeFactory scopes, ILogger<MailInBackground> logger) : BackgroundService
{
    private readonly Channel<Func<IServiceProvider, CancellationToken, Task>> _work =
        Channel.CreateBounded<Func<IServiceProvider, CancellationToken, Task>>(new BoundedChannelOptions(1000) { SingleReader = true });

    public void Queue(string kind, Func<IServiceProvider, CancellationToken, Task> work)
    {
        if (!_work.Writer.TryWrite(work))
        {
            // Only when a thousand are waiting (the SMTP server is down or slow): said, not silent.
            logger.LogWarning("Email {Kind} not queued: a thousand messages are already waiting", kind);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in _work.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await work(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (logger.IsEnabled(LogLevel.Error))
                {
                    logger.LogError("Queued email work failed: {Failure}", e.GetType().Name);
                }
            }
        }
    }
}
