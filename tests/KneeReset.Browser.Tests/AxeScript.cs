using Deque.AxeCore.Commons;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace KneeReset.Browser.Tests;

/// <summary>
/// axe-core, as bundled with Deque.AxeCore, at an address of the app under test: a page loads it
/// as any same-origin script (the strict Content-Security-Policy allows 'self'), and the browser
/// keeps it cached between pages.
/// </summary>
internal sealed class AxeScript : IStartupFilter
{
    public const string Path = "/__tests/axe.min.js";

    private static readonly Lazy<string> Source = new(() => new BundledAxeScriptProvider().GetScript());

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(Path, script => script.Run(context =>
        {
            context.Response.ContentType = "text/javascript";
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return context.Response.WriteAsync(Source.Value);
        }));
        next(app);
    };
}
