namespace KneeReset.Web.Tests;

/// <summary>
/// The app's clock in tests: the system clock plus an offset a test moves forward, so time can
/// pass without sleeping. It never goes backwards: expiry, throttles and retention all assume so.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }

    /// <summary>Whether a test has moved it on (an app whose clock moved is never handed to another class).</summary>
    public bool Moved => Interlocked.Read(ref _offsetTicks) != 0;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
}
