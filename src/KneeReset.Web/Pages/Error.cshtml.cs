using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeReset.Web.Pages;

/// <summary>Friendly error and not-found page; never shows a stack trace.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";
    // Only what is true: when the server failed, what was being saved may not have been.
    public string Message { get; private set; } = "Sorry, something went wrong on our side, so what you just did may not have been saved. Please go back, check, and try again.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        if (code == StatusCodes.Status404NotFound)
        {
            Title = "Page not found";
            Message = "There is nothing at this address. A result link may have been mistyped, or it no longer exists.";
        }
        else if (code == StatusCodes.Status413PayloadTooLarge)
        {
            Title = "That file is too large";
            Message = "Pictures may be up to 2 MB. Please choose a smaller file and try again.";
        }
        else if (code == StatusCodes.Status429TooManyRequests)
        {
            Title = "Too many requests";
            Message = "Please wait a minute and try again.";
        }
        else if (code is >= 400 and < 500)
        {
            Title = "That request didn't work";
            Message = "Please go back and try again.";
        }
    }
}
