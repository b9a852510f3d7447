namespace KneeReset.Core.TrainingImport;

/// <summary>
/// An upload that cannot be read. <see cref="Exception.Message"/> is a plain-language sentence
/// that names the file, fit to show the runner (the API answers it as a 400).
/// </summary>
public sealed class TrainingImportException : Exception
{
    public TrainingImportException()
    {
    }

    public TrainingImportException(string message) : base(message)
    {
    }

    public TrainingImportException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    public TrainingImportException(string? fileName, string message, Exception? innerException = null)
        : base(message, innerException) => FileName = fileName;

    /// <summary>The file at fault, or null when the upload as a whole is (too many files, too large).</summary>
    public string? FileName { get; }
}
