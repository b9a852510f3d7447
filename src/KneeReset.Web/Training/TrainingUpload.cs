using KneeReset.Core.TrainingImport;
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
            return new(null, [], $"Send the files as multipart/form-data, in the field \"{field}\".", "contentType");
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(null, [], TooLarge);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            // Cut off, malformed, or past a form limit (too many parts, a part too long).
            return new(null, [], $"The upload could not be read as a form: it was cut off, malformed or larger than allowed. {TooLarge}");
        }
        var files = form.Files.GetFiles(field);
        if (files.Count == 0)
        {
            return new(form, [], form.Files.Count > 0
                ? $"No files were added in the field \"{field}\"."
                : "No files were added.");
        }
        return new(form, files, null);
    }

    private static string TooLarge =>
        $"At most {ImportLimits.MaxFiles} files of up to {ImportLimits.MaxFileBytes / (1024 * 1024)} MB each, "
        + $"{ImportLimits.MaxUploadBytes / (1024 * 1024)} MB in all, can be added at once.";

    /// <summary>The files' figures, or a plain message naming what could not be read; an upload with no runs is refused too.</summary>
    public static (TrainingSummary? Summary, string? Error) Import(IReadOnlyList<IFormFile> files, DateOnly? asOf = null)
    {
        var streams = new List<Stream>();
        try
        {
            var summary = TrainingImporter.Read(files.Select(f =>
            {
                var stream = f.OpenReadStream();
                streams.Add(stream);
                return (Path.GetFileName(f.FileName), stream);
            }), asOf);
            return summary.Runs > 0 ? (summary, null) : (null, NoRuns(summary.Ignored));
        }
        catch (TrainingImportException e)
        {
            return (null, e.Message);
        }
        finally
        {
            streams.ForEach(s => s.Dispose());
        }
    }

    private static string NoRuns(IgnoredActivities ignored)
    {
        var left = new List<string>();
        if (ignored.NotRuns > 0)
        {
            left.Add(ignored.NotRuns == 1 ? "1 activity that is not a run" : $"{ignored.NotRuns} activities that are not runs");
        }
        if (ignored.RunsWithoutDistance > 0)
        {
            left.Add(ignored.RunsWithoutDistance == 1 ? "1 run without a distance" : $"{ignored.RunsWithoutDistance} runs without a distance");
        }
        return left.Count == 0
            ? "The files hold no runs."
            : $"The files hold no runs with a distance (left out: {string.Join(" and ", left)}).";
    }
}
