namespace KneeReset.Web.Tests;

/// <summary>Reading response headers.</summary>
public static class Headers
{
    /// <summary>
    /// The script-src directive of the response's Content-Security-Policy (default-src when
    /// script-src is absent, as browsers fall back); fails when there is no policy.
    /// </summary>
    public static string ScriptSrc(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var values), $"No Content-Security-Policy on {response.RequestMessage?.RequestUri}");
        var directives = string.Join(";", values).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var script = directives.FirstOrDefault(d => d.StartsWith("script-src ", StringComparison.Ordinal))
            ?? directives.FirstOrDefault(d => d.StartsWith("default-src ", StringComparison.Ordinal));
        Assert.NotNull(script);
        return script;
    }
}
