namespace KneeReset.Web.Tests.Pages.Routines;

/// <summary>How the routine list words equipment.</summary>
public class IndexWordingTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task A_routine_that_only_uses_a_mat_reads_no_equipment_beyond_a_mat()
    {
        using var client = factory.CreateBrowser();

        var page = await client.GetPageAsync("/routines");

        var lines = page.QuerySelectorAll(".routine-card .targets").Select(p => p.TextContent).ToList();
        Assert.Contains(lines, l => l.Contains("no equipment beyond a mat", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("(uses a", StringComparison.Ordinal));
    }
}
