using KneeReset.Core.TrainingImport;
using KneeReset.Web.Telemetry;
using Microsoft.Net.Http.Headers;

namespace KneeReset.Web.Training;

/// <summary>
/// Reading a runner's uploaded training files, shared by the API and the questionnaire's training
/// step: the multipart form read with plain messages for what cannot be read, then the import.
/// </summary>
public static class TrainingUpload
{
    /// <summary>What the file picker offers; the content, not the name, decides how a file is read.</summary>
    public const string Accept = ".gpx,.tcx,.csv,.gz";

    /// <summary>The most one upload may hold, plus room for the multipart framing around 400 files.</summary>
    public const long MaxRequestBytes = ImportLimits.MaxUploadBytes + (1024 * 1024);

    public sealed record Upload(IFormCollection? Form, IReadOnlyList<IFormFile> Files, string? Error, string? ErrorField = null);

    /// <summary>Reads the multipart form; an upload that cannot be read gives a message, never an exception.</summary>
    public static async Task<Upload> ReadAsync(HttpRequest request, string field, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            AppMetrics.ImportRefused(ImportRefusal.ContentType);
            return new(null, [], $"Send the files as multipart/form-data, in the field \"{field}\".", "contentType");
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            AppMetrics.ImportRefused(ImportRefusal.TooLarge);
            return new(null, [], TooLarge);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            // Cut off, malformed, or past a form limit (too many parts, a part too long).
            AppMetrics.ImportRefused(ImportRefusal.Unreadable);
            return new(null, [], $"The upload could not be read as a form: it was cut off, malformed or larger than allowed. {TooLarge}");
        }
        var files = form.Files.GetFiles(field);
        if (files.Count == 0)
        {
            AppMetrics.ImportRefused(ImportRefusal.NoFiles);
            return new(form, [], form.Files.Count > 0
                ? $"No files were added in the field \"{field}\"."
                : "No files were added.");
        }
        return new(form, files, null);
    }

    private static string TooLarge =>
        $"At most {ImportLimits.MaxFiles} files of up to {ImportLimits.MaxFileBytes / (1024 * 1024)} MB each, "
        + $"{ImportLimits.MaxUploadBytes / (1024 * 1024)} MB in all, can be added at once.";

    /// <summary>
    /// The runs in the files (oldest first, each with its date, distance and time; nothing else of a
    /// file is kept), or a plain message naming what could not be read: the same readers and limits as
    /// <see cref="ImportAsync"/>.
    /// </summary>
    /// <exception cref="OperationCanceledException">The request was given up.</exception>
    public static async Task<(ImportedRuns? Runs, string? Error)> ReadRunsAsync(IReadOnlyList<IFormFile> files, CancellationToken cancellationToken)
    {
        var streams = new List<Stream>();
        try
        {
            return (await TrainingImporter.ReadRunsAsync(files.Select(f =>
            {
                var stream = f.OpenReadStream();
                streams.Add(stream);
                return (Path.GetFileName(f.FileName), stream);
            }), cancellationToken: cancellationToken), null);
        }
        catch (TrainingImportException e)
        {
            AppMetrics.ImportRefused(ImportRefusal.NoUsableRuns);
            return (null, e.Message);
        }
        finally
        {
            streams.ForEach(s => s.Dispose());
        }
    }

    /// <summary>
    /// The files' figures, or a plain message naming what could not be read (an upload with no
    /// usable runs is refused too, file by file). The files are read with ReadAsync, one at a time
    /// into a buffer no larger than one file may be, and the work stops when the request is given up.
    /// </summary>
    /// <exception cref="OperationCanceledException">The request was given up.</exception>
    public static async Task<(TrainingSummary? Summary, string? Error)> ImportAsync(
        IReadOnlyList<IFormFile> files, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var streams = new List<Stream>();
        try
        {
            var summary = await TrainingImporter.ReadAsync(files.Select(f =>
            {
                var stream = f.OpenReadStream();
                streams.Add(stream);
                return (Path.GetFileName(f.FileName), stream);
            }), asOf, cancellationToken: cancellationToken);
            return (summary, null);
        }
        catch (TrainingImportException e)
        {
            AppMetrics.ImportRefused(ImportRefusal.NoUsableRuns);
            return (null, e.Message);
        }
        finally
        {
            streams.ForEach(s => s.Dispose());
        }
    }
}
