using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace KneeReset.Web.Areas.Staff.StaffIdentity;

public sealed class SignInThrottleOptions
{
    public const string Section = "SignIn";

    /// <summary>Wrong passwords for one email (within <see cref="WindowMinutes"/>) before it is throttled.</summary>
    public int FailuresBeforeThrottle { get; set; } = 5;

    /// <summary>While throttled, the email takes one attempt per this many seconds.</summary>
    public int ThrottleSeconds { get; set; } = 30;

    public int WindowMinutes { get; set; } = 15;
}

/// <summary>
/// Sign-in throttling per account, beside the per-client rate limit. Instead of locking the
/// owner out for a quarter of an hour after five wrong passwords (which anyone could do to
/// anyone), a throttled email takes one attempt every few seconds: too slow to guess a password,
/// quick for the owner to get in. Every email is tracked alike, known or not, so the answer
/// never tells whether an account exists.
/// </summary>
public sealed class SignInThrottle(IOptions<SignInThrottleOptions> options, TimeProvider clock) : IDisposable
{
    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset Last;
    }

    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>How long this email must wait before its next attempt; null when it may try now.</summary>
    public TimeSpan? WaitFor(string email)
    {
        if (!_failures.TryGetValue(Key(email), out Failures? f) || f is null)
        {
            return null;
        }
        lock (f)
        {
            var wait = f.Last.AddSeconds(options.Value.ThrottleSeconds) - clock.GetUtcNow();
            return f.Count >= options.Value.FailuresBeforeThrottle && wait > TimeSpan.Zero ? wait : null;
        }
    }

    /// <summary>Records a wrong password; true when this one starts the throttle.</summary>
    public bool Failed(string email)
    {
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromMinutes(options.Value.WindowMinutes);
        var f = _failures.GetOrCreate(Key(email), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = window;
            return new Failures();
        })!;
        lock (f)
        {
            if (now - f.Last > window)
            {
                f.Count = 0;
            }
            f.Count++;
            f.Last = now;
            return f.Count == options.Value.FailuresBeforeThrottle;
        }
    }

    public void Succeeded(string email) => _failures.Remove(Key(email));

    private static string Key(string email) => email.Trim().ToUpperInvariant();

    public void Dispose() => _failures.Dispose();
}
