namespace KneeReset.Web.Api;

/// <summary>
/// The form POST /api/training/import reads: GPX, TCX, activity-list CSV files (or any of them
/// gzipped) in "files", and the day the figures look back from in "asOf" (yyyy-MM-dd, 1980-01-01
/// to 2099-12-31; default: the last run). Only runs in the 26 weeks up to asOf count; the rest are
/// reported under "ignored".
/// </summary>
public sealed record TrainingImportForm(IFormFileCollection Files, string? AsOf = null);
