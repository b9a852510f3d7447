namespace KneeReset.Web.Infrastructure;

/// <summary>
/// What <c>_ErrorSummary</c> shows: a heading, and either the page's ModelState errors or
/// (where each error should link to its field) the given items.
/// </summary>
/// <param name="Title">The heading; none when null.</param>
/// <param name="HeadingLevel">2, or 3 when the form sits in a section under an h2.</param>
public sealed record ErrorSummary(string? Title = null, int HeadingLevel = 2)
{
    /// <summary>Errors that link to their field; when null, every ModelState error, unlinked.</summary>
    public IReadOnlyList<Item>? Items { get; init; }

    public sealed record Item(string Message, string? Href = null);
}
