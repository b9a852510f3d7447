namespace KneeReset.Web.Health;

/// <summary>
/// `dotnet KneeReset.Web.dll probe`: asks this machine's instance for its readiness and exits 0
/// (ready, Degraded included) or 1, for a container's HEALTHCHECK where the runtime image has no
/// curl. It starts no host and reads no settings but the port the image listens on.
/// </summary>
public static class ProbeCommand
{
    public static bool IsProbeCommand(string[] args) => args is ["probe", ..];

    /// <summary>The readiness address of the instance on this machine: the first of ASPNETCORE_HTTP_PORTS (8080 in the .NET images).</summary>
    public static Uri LocalReadiness()
    {
        var port = (Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") ?? "8080").Split(';', ',')[0].Trim();
        return new Uri($"http://127.0.0.1:{port}/healthz/ready");
    }

    public static async Task<int> RunAsync(Uri readiness, TextWriter output)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            using var response = await client.GetAsync(readiness);
            await output.WriteLineAsync($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"no answer from {readiness}: {e.Message}");
            return 1;
        }
    }
}
