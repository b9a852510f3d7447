namespace KneeReset.Web.Api;

/// <summary>
/// The form POST /api/training/import reads: GPX, TCX, activity-list CSV files (or any of them
/// gzipped) in "files", and the day the figures look back from in "asOf" (yyyy-MM-dd; default: the last run).
/// </summary>
public sealed record TrainingImportForm(IFormFileCollection Files, string? AsOf = null);
