using FluentValidation.Results;
using KneeReset.Web.Library;

namespace KneeReset.Web.Areas.Staff.LibraryEditing;

/// <summary>The outcome of a save: saved (with the new version), invalid, or a conflict with someone else's save.</summary>
/// <param name="Conflict">The current state (file format) when someone else saved first.</param>
public sealed record SaveResult(int? Id, int Version, IReadOnlyList<ValidationFailure> Errors, string? Conflict)
{
    public bool Saved => Errors.Count == 0 && Conflict is null;

    public static SaveResult Stored(int id, int version) => new(id, version, [], null);

    public static SaveResult Conflicting<T>(int id, int version, T current) => new(id, version, [], LibraryFiles.Write(current));

    public static SaveResult Invalid(IEnumerable<ValidationFailure> errors) => new(null, 0, errors.ToList(), null);

    public static SaveResult Invalid(string property, string message) => Invalid([new ValidationFailure(property, message)]);
}
