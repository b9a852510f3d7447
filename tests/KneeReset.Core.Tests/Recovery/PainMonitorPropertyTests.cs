using CsCheck;
using KneeReset.Core.Recovery;

namespace KneeReset.Core.Tests.Recovery;

/// <summary>What the pain model must never do, over generated session histories.</summary>
public class PainMonitorPropertyTests
{
    private static readonly DateOnly Start = PainMonitorTests.Monday;

    /// <summary>A pain score, or unknown about a third of the time.</summary>
    private static Gen<int?> Maybe(int max) => Gen.Int[-5, max].Select(v => v < 0 ? (int?)null : v);

    private static readonly Gen<LoggedSession> OneSession =
        Gen.Select(Gen.Int[0, 27], Gen.Int[0, 10], Maybe(10), Maybe(6), Gen.Bool, Gen.OneOf("a", "b"),
            (day, during, morning, usual, tendon, routine) => new LoggedSession($"d{day}{routine}{during}", routine, tendon, Start.AddDays(day), during, morning, usual));

    private static readonly Gen<LoggedSession[]> Histories = OneSession.Array[1, 12];

    private static RecoveryState Assess(IReadOnlyList<LoggedSession> sessions) => PainMonitorTests.Monitor.Assess(sessions, Start.AddDays(30));

    [Fact]
    public void A_worse_last_session_never_makes_the_advice_less_cautious()
    {
        Gen.Select(Histories, Gen.Int[1, 4]).Sample((history, worse) =>
        {
            var last = history.MaxBy(s => s.On)! with { };
            var later = last with { Id = "later", On = last.On.AddDays(1) };
            var worseLater = later with { Id = "worse", During = Math.Min(10, later.During + worse), NextMorning = later.NextMorning is { } m ? Math.Min(10, m + worse) : null };

            var before = Assess([.. history, later]).Routines.Single(r => r.Routine == later.Routine).Advice.Action;
            var after = Assess([.. history, worseLater]).Routines.Single(r => r.Routine == later.Routine).Advice.Action;

            return PainMonitor.Caution(after) >= PainMonitor.Caution(before);
        }, iter: PropertyIterations.Or(1000));
    }

    [Fact]
    public void Progress_never_comes_within_7_days_of_a_routines_first_session()
    {
        Histories.Sample(history => Assess(history).Routines.All(r =>
            r.Advice.Action != PainAction.Progress
            || history.Where(s => s.Routine == r.Routine).Max(s => s.On).DayNumber - history.Where(s => s.Routine == r.Routine).Min(s => s.On).DayNumber >= 7), iter: PropertyIterations.Or(1000));
    }

    [Fact]
    public void An_escalation_is_sticky_whatever_comes_after()
    {
        Gen.Select(Histories, OneSession.Array[1, 5]).Sample((history, more) =>
        {
            if (Assess(history).Escalation is null)
            {
                return true;
            }
            var end = history.Max(s => s.On);
            var later = more.Select((s, i) => s with { Id = $"more{i}", On = end.AddDays(1 + i) });
            var after = Assess([.. history, .. later]);
            return after.Escalation is not null && after.Routines.All(r => r.Advice.Action == PainAction.SeeClinician);
        }, iter: PropertyIterations.Or(1000));
    }
}
