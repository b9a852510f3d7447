using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace KneeReset.Web.Infrastructure;

/// <summary>
/// A post (or any method but GET and HEAD) that names no handler the page has gets 404. Razor Pages
/// would otherwise render the page without running a handler, with none of its data loaded: a 500
/// for a hand-made POST /m/{token} or ?handler=Nope.
/// </summary>
public sealed class UnknownHandlers : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            context.Result = new NotFoundResult();
            return Task.CompletedTask;
        }
        return next();
    }
}
