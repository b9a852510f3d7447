using KneeReset.Core.Rules;

namespace KneeReset.Core.Matching;

/// <summary>
/// Springy work (hops, skips, bounds, jumps: quick store-and-release loading of the tendon) is the
/// last step of tendon care, after holds, heavy slow strength and decline squats (Malliaras et al.
/// 2015), and is brought back with a physiotherapist. So while the answers point to the tendon,
/// nothing KneeReset offers on its own holds springy work: not a matched routine, its next stage,
/// a progression swap or a prevention tip. Every one of those routes asks this rule.
/// </summary>
public static class TendonSafety
{
    public const string TendonCause = "tendon_overload";

    /// <summary>
    /// The tendon is in play: its cause is possible or likely (the same "in play" that earns the
    /// tendon stages from matching), or it is the top cause. A possible tendon counts too: holding
    /// skips back costs little, flaring a sore tendon costs weeks.
    /// </summary>
    public static bool TendonInvolved(AssessmentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.TopCause == TendonCause || result.Causes.Any(c => c.Cause == TendonCause && c.Band != Band.Unlikely);
    }

    /// <summary>Whether something springy (or not) may reach the runner with this result.</summary>
    public static bool Allows(AssessmentResult result, bool springy) => !springy || !TendonInvolved(result);

    /// <summary>The items that may reach the runner with this result, in their order.</summary>
    public static IReadOnlyList<T> Keep<T>(AssessmentResult result, IEnumerable<T> items, Func<T, bool> springy)
    {
        ArgumentNullException.ThrowIfNull(springy);
        var involved = TendonInvolved(result);
        return items.Where(item => !involved || !springy(item)).ToList();
    }
}
