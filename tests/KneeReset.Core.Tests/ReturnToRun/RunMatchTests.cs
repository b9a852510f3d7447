using KneeReset.Core.ReturnToRun;

namespace KneeReset.Core.Tests.ReturnToRun;

/// <summary>A recorded run's time to an open stage (content/return-to-run.json: every stage 30 minutes, 3 minutes either way).</summary>
public class RunMatchTests
{
    private static readonly RunLadder Ladder = LadderMonitorTests.Monitor.Ladder;

    private static RunMatch Match(int open, double minutes, RunLadder? ladder = null) =>
        RunMatching.Match(ladder ?? Ladder, open, TimeSpan.FromMinutes(minutes));

    [Fact]
    public void A_run_exactly_the_stages_time_is_the_open_stage()
    {
        var match = Match(open: 2, minutes: 30);

        Assert.Equal((RunMatchKind.Stage, 2), (match.Kind, match.Stage));
        Assert.Contains("matches stage 2", match.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(27)]
    [InlineData(28.5)]
    [InlineData(33)]
    public void A_run_within_the_tolerance_is_the_stage(double minutes) =>
        Assert.Equal(1, Match(open: 1, minutes).Stage);

    [Fact]
    public void A_run_longer_than_the_open_stage_allows_is_more_than_the_ladder_allows_yet()
    {
        var match = Match(open: 3, minutes: 33.1);

        Assert.Equal(RunMatchKind.LongerThanOpen, match.Kind);
        Assert.Null(match.Stage);
        Assert.StartsWith("That's more than your ladder allows yet", match.Reason, StringComparison.Ordinal);
        Assert.Contains("stage 3", match.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_shorter_than_every_open_stage_matches_none_and_points_to_logging_it_as_stopped_early()
    {
        var match = Match(open: 1, minutes: 20);

        Assert.Equal(RunMatchKind.ShorterThanOpen, match.Kind);
        Assert.Null(match.Stage);
        Assert.Contains("stopped early", match.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_walk_run_stage_matches_by_its_total_time_not_its_running_time()
    {
        // Stage 3 runs 3 minutes six times (18 minutes of running) inside 30 minutes in all.
        Assert.Equal(18, Ladder.Stages[2].RunMinutes * Ladder.Stages[2].Repeats);

        Assert.Equal(3, Match(open: 3, minutes: 30).Stage);
        Assert.Equal(RunMatchKind.ShorterThanOpen, Match(open: 3, minutes: 18).Kind);
    }

    [Fact]
    public void With_stages_of_different_lengths_a_run_matches_the_open_stage_of_its_length_never_one_above()
    {
        var stages = new[]
        {
            new RunStage { Stage = 1, RunMinutes = 1, WalkMinutes = 4, Repeats = 4 },
            new RunStage { Stage = 2, RunMinutes = 2, WalkMinutes = 3, Repeats = 6 },
            new RunStage { Stage = 3, RunMinutes = 40, WalkMinutes = 0, Repeats = 1 },
        };
        var ladder = new RunLadder
        {
            Version = "t",
            Ladder = new LadderStages { Conditions = "c", Why = "w", Source = "s", Stages = stages },
            Entry = Ladder.Entry,
            Gates = Ladder.Gates,
            Escalations = Ladder.Escalations,
        };

        Assert.Equal(1, Match(open: 2, minutes: 21, ladder).Stage);
        Assert.Equal(2, Match(open: 2, minutes: 29, ladder).Stage);
        Assert.Equal(RunMatchKind.NoStage, Match(open: 2, minutes: 25, ladder).Kind);
        Assert.Equal(RunMatchKind.LongerThanOpen, Match(open: 2, minutes: 40, ladder).Kind);
        Assert.Equal(3, Match(open: 3, minutes: 40, ladder).Stage);
    }

    [Fact]
    public void The_tolerance_is_content_with_its_why()
    {
        Assert.Equal(3, Ladder.Gates.RecordedRun.ToleranceMinutes);
        Assert.False(string.IsNullOrWhiteSpace(Ladder.Gates.RecordedRun.Why));
    }
}
