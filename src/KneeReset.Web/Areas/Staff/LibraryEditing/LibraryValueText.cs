using KneeReset.Web.Content;

namespace KneeReset.Web.Areas.Staff.LibraryEditing;

/// <summary>
/// A saved routine field's value as staff read it (history, conflicts): causes, findings and
/// phases by their names in content, never their codes such as runners_knee.
/// </summary>
public static class LibraryValueText
{
    /// <param name="field">The field's path in the saved JSON, e.g. "causes[2]" or "phase".</param>
    public static string? Show(ContentCatalog content, string field, string? value)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(field);
        var index = field.IndexOf('[', StringComparison.Ordinal);
        return value is null ? null : (index < 0 ? field : field[..index]) switch
        {
            "causes" => content.CauseName(value),
            "findings" => content.Words.Finding(value),
            "phase" => content.LibraryWords.PhaseName(value),
            _ => value,
        };
    }
}
