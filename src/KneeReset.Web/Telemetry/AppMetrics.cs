using System.Diagnostics.Metrics;
using KneeReset.Core;
using KneeReset.Core.Rules;
using KneeReset.Web.Infrastructure;

namespace KneeReset.Web.Telemetry;

/// <summary>
/// The app's own counters, on one static meter: what was stored or refused, tagged only with words
/// from a small fixed set (never a token, an address or a runner's text).
/// </summary>
public static class AppMetrics
{
    public const string MeterName = "KneeReset";

    private static readonly Meter Meter = new(MeterName, AppVersion.Version);

    private static readonly Counter<long> Assessments = Meter.CreateCounter<long>(
        "kneereset.assessments", "{assessment}", "Assessments stored, by triage.");

    private static readonly Counter<long> ImportsRefused = Meter.CreateCounter<long>(
        "kneereset.imports.refused", "{import}", "Training imports refused, by reason.");

    private static readonly Counter<long> Escalations = Meter.CreateCounter<long>(
        "kneereset.escalations", "{escalation}", "Sessions or runs stored that advise seeing a clinician, by kind.");

    /// <summary>Counted once the assessment is stored (self_care, see_clinician, urgent).</summary>
    public static void AssessmentStored(Triage triage) =>
        Assessments.Add(1, new KeyValuePair<string, object?>("triage", Vocabulary.Word(triage)));

    public static void ImportRefused(ImportRefusal reason) =>
        ImportsRefused.Add(1, new KeyValuePair<string, object?>("reason", Vocabulary.Word(reason)));

    public static void EscalationStored(EscalationSource source) =>
        Escalations.Add(1, new KeyValuePair<string, object?>("kind", Vocabulary.Word(source)));
}

/// <summary>Why a training import was refused: the fixed set the refusal counter is tagged with.</summary>
public enum ImportRefusal
{
    /// <summary>Not a multipart form.</summary>
    ContentType,

    /// <summary>Past the upload's size or count limits.</summary>
    TooLarge,

    /// <summary>Cut off or malformed.</summary>
    Unreadable,

    /// <summary>No files in the form.</summary>
    NoFiles,

    /// <summary>The files were read, but held no usable runs (or a file was not one we read).</summary>
    NoUsableRuns,
}

/// <summary>What raised an escalation: the pain model over routine sessions, or the running ladder.</summary>
public enum EscalationSource
{
    Session,
    Run,
}
