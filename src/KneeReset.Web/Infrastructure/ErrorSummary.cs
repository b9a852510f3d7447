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

    /// <summary>
    /// A message under the name of the field it is about. A question keeps its own question mark
    /// ("How did the pain start? Choose one answer."); a plain label takes a colon ("Training files: ...").
    /// </summary>
    public static string About(string field, string message) =>
        field.EndsWith('?') || field.EndsWith('.') ? $"{field} {message}" : $"{field}: {message}";
}
