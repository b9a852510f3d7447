using System.Net;
using System.Text.Json;

namespace KneeReset.Web.Tests.Api;

/// <summary>GET /version says which build, rules and questionnaire answer (issue 28, finding 3).</summary>
public sealed class VersionApiTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task Version_names_the_build_the_commit_the_rules_and_the_questionnaire()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/version", UriKind.Relative));
        using var questionnaire = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/questionnaire", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var version = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = version.RootElement;
        Assert.False(string.IsNullOrEmpty(root.GetProperty("version").GetString()));
        // Built from a git checkout here, so the build knew its commit.
        Assert.Matches("^[0-9a-f]{40}$", root.GetProperty("commit").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("rules").GetString()));
        Assert.Equal(questionnaire.RootElement.GetProperty("version").GetString(), root.GetProperty("questionnaire").GetString());
    }
}
