using System.Globalization;
using KneeReset.Core.Questionnaire;
using KneeReset.Core.Rules;
using KneeReset.Web.Content;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeReset.Web.Pages.Reasoning;

/// <summary>"How KneeReset reasons": every rule in content/rules.json with its effect, why and source, for clinicians.</summary>
public class IndexModel(ContentCatalog content) : PageModel
{
    public RuleSet Rules => content.Rules.RuleSet;
    public QuestionBank Questions => content.Questions;
    public RuleWords Words => content.Words;
    public KneeReset.Core.Recovery.PainModel PainModel => content.Pain.Model;
    public KneeReset.Core.ReturnToRun.RunLadder Ladder => content.Ladder.Ladder;

    public string CauseName(string id) => content.CauseName(id);

    /// <summary>A condition in the vocabulary's terms, e.g. "red_flags includes rapid_swelling and age ≥ 55".</summary>
    public static string Describe(Condition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (condition.All is { } all)
        {
            return string.Join(" and ", all.Select(c => Grouped(c)));
        }
        if (condition.Any is { } any)
        {
            return string.Join(" or ", any.Select(c => Grouped(c)));
        }
        if (condition.Not is { } not)
        {
            return $"not ({Describe(not)})";
        }
        var fact = condition.Fact;
        if (condition.Answered is { } answered)
        {
            return answered ? $"{fact} answered" : $"{fact} not answered";
        }
        if (condition.Has is { } has)
        {
            return $"{fact} includes {has}";
        }
        if (condition.HasAny is { } hasAny)
        {
            return $"{fact} includes any of {string.Join(", ", hasAny)}";
        }
        if (condition.Is is { } flag)
        {
            return $"{fact} is {(flag ? "yes" : "no")}";
        }
        var bounds = new (double? Value, string Op)[] { (condition.Gt, ">"), (condition.Gte, "≥"), (condition.Lt, "<"), (condition.Lte, "≤") };
        return string.Join(" and ", bounds.Where(b => b.Value is not null).Select(b => string.Create(CultureInfo.InvariantCulture, $"{fact} {b.Op} {b.Value}")));
    }

    private static string Grouped(Condition c) => c.All is not null || c.Any is not null ? $"({Describe(c)})" : Describe(c);

    /// <summary>How a group's signals add up for one cause.</summary>
    public string Counting(string groupId, CauseRules cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        var group = Rules.Groups[groupId];
        var parts = new List<string> { group.Locates ? "the strongest counts" : "added up" };
        if (cause.Caps.TryGetValue(groupId, out var cap))
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"at most {cap} points"));
        }
        if (group.CappedByLocation)
        {
            parts.Add("never more than where it hurts supports this cause");
        }
        if (group.BesideClearLocation is { } beside)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"at most {beside} points when where it hurts clearly fits another cause better"));
        }
        return string.Join("; ", parts);
    }
}
