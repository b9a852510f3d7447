using KneeReset.Web.Data;

namespace KneeReset.Web.Areas.Staff.LibraryEditing;

/// <summary>
/// What saving the editor's form will do to runners, said before staff save: a draft saved over
/// a live item waits beside it (runners keep the published version), publishing replaces it.
/// </summary>
/// <param name="Kind">"routine" or "exercise".</param>
/// <param name="Live">The stored item's status; null for a new one.</param>
/// <param name="DraftWaiting">A draft is saved over the published item.</param>
public sealed record PublishEffect(string Kind, PublishStatus? Live, bool DraftWaiting)
{
    public string Headline => (Live, DraftWaiting) switch
    {
        (PublishStatus.Published, true) => $"You are editing a draft of a live {Kind}. Runners keep seeing the published version until you publish this draft.",
        (PublishStatus.Published, false) => $"This {Kind} is live: runners see it now.",
        (PublishStatus.Archived, _) => $"This {Kind} is archived: runners can't see it.",
        _ => $"Runners can't see this {Kind} until you publish it.",
    };

    /// <summary>What each status choice does, in the editor's words.</summary>
    public IReadOnlyList<string> Choices => Live == PublishStatus.Published
        ? [
            $"Save as draft: runners keep seeing the published version until you publish this draft.",
            $"Save as published: publishing replaces what runners see now.",
            $"Save as archived: takes the {Kind} off the site; links to it stop working.",
        ]
        : [
            $"Save as draft: only staff can see it.",
            $"Save as published: runners see it at once.",
        ];
}
