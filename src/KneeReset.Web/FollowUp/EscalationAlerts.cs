using System.Globalization;
using KneeReset.Core.Recovery;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using KneeReset.Web.Content;
using KneeReset.Web.Data;
using KneeReset.Web.Email;
using KneeReset.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace KneeReset.Web.FollowUp;

/// <summary>
/// After a session, a run, a next-morning pain or a weekly check-in is stored: looks, after the
/// answer has gone, whether the runner's series now says see a clinician, and emails each opted-in
/// clinician who follows it (<see cref="EscalationMail"/>). Only the series key is queued.
/// </summary>
public sealed class EscalationAlerts(MailInBackground background)
{
    public void AfterStored(StoredAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var seriesKey = assessment.SeriesKey;
        background.Queue("runner-escalation", (services, cancellationToken) =>
            services.GetRequiredService<EscalationMail>().SendAsync(seriesKey, cancellationToken));
    }
}

/// <summary>
/// One email per escalation per following clinician: to clinicians (still in the role, not disabled)
/// who ticked "Email me…", for follows whose link still opens. Each escalation is marked as emailed
/// on the follow before it is sent, so none goes twice (the queue runs one item at a time).
/// </summary>
public sealed class EscalationMail(KneeResetDbContext db, RunnerFollows follows, Progressions progressions, Ladders ladders,
    UserManager<StaffUser> users, Mailer mailer, PublicLinks links, ContentCatalog content)
{
    public async Task SendAsync(string seriesKey, CancellationToken cancellationToken)
    {
        var open = await follows.OpenAsync(db.RunnerFollows.Where(f => f.Assessment.SeriesKey == seriesKey), cancellationToken);
        if (open.Count == 0)
        {
            return;
        }
        var latest = open[0].Series[^1];
        var recovery = await progressions.ForSeriesAsync(latest, cancellationToken);
        var running = await ladders.ForSeriesAsync(latest, recovery, cancellationToken);
        var escalations = new[] { recovery.Escalation, running.Ladder.Escalation }.OfType<Escalation>().ToList();
        if (escalations.Count == 0)
        {
            return;
        }
        foreach (var (follow, holder, _) in open)
        {
            var fresh = escalations.Where(e => !follow.Emailed(Key(e))).ToList();
            if (fresh.Count == 0 || await OptedInAsync(follow.Clinician) is not { } clinician)
            {
                continue;
            }
            fresh.ForEach(e => follow.MarkEmailed(Key(e)));
            await db.SaveChangesAsync(cancellationToken);
            var when = string.Join("; ", fresh.Select(e => content.Words.TimeFrame(e.TimeFrame).ToLowerInvariant()).Distinct());
            await mailer.SendRunnerEscalationAsync(clinician.Email!, clinician.DisplayName, holder.Nickname ?? latest.Nickname ?? "no nickname",
                string.Join("\n\n", fresh.Select(e => e.Reason)), when, links.To($"/r/{holder.Token}"), cancellationToken);
        }
    }

    /// <summary>An escalation's identity: its rule and the day it began; a fresh start begins a new one.</summary>
    public static string Key(Escalation escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        return $"{escalation.Rule}@{escalation.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
    }

    private async Task<StaffUser?> OptedInAsync(string clinician)
    {
        var user = await users.FindByNameAsync(clinician);
        return user is { EmailOnEscalation: true, Disabled: false, Email: not null } && await users.IsInRoleAsync(user, StaffRoles.Clinician) ? user : null;
    }
}
