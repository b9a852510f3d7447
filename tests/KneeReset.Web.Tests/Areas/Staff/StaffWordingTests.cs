using System.Text.RegularExpressions;
using AngleSharp.Dom;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using KneeReset.Web.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Areas.Staff;

/// <summary>Staff read causes, findings and phases by the names in content, never by their codes.</summary>
public partial class StaffWordingTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task The_routine_editor_and_its_history_name_causes_findings_and_phases_from_content()
    {
        var content = app.Services.GetRequiredService<ContentCatalog>();
        var slug = TestData.NewSlug("worded");
        var id = await app.CreateRoutineAsync(slug);
        using var editor = app.SignedIn(StaffRoles.Editor);
        using var saved = await (await HtmlForm.OpenAsync(editor, $"/Staff/Library/Routines/Edit/{id}"))
            .Set("Input.Causes", "it_band", "tendon_overload").Set("Input.Findings", "knee_caves").Set("Input.Phase", "post_run_reset").PressAsync("Save");
        Browser.AssertRedirect(saved);

        var edit = await editor.GetPageAsync($"/Staff/Library/Routines/Edit/{id}");
        var form = edit.QuerySelector("form.routine-editor")!;
        Assert.Contains(content.CauseName("runners_knee"), form.TextContent, StringComparison.Ordinal);
        Assert.Contains(content.Words.Finding("knee_caves"), form.TextContent, StringComparison.Ordinal);
        Assert.Equal("Post-run reset", form.QuerySelector("select[name='Input.Phase'] option[selected]")!.TextContent);
        AssertNoCodes(form);

        var revisions = await app.QueryAsync(db => db.Revisions.Where(r => r.EntityType == "routine" && r.EntityId == id).OrderBy(r => r.Version).Select(r => r.Id).ToListAsync());
        var compared = await editor.GetPageAsync($"/Staff/Library/Routines/History/{id}?a={revisions[0]}&b={revisions[1]}");
        var changes = compared.QuerySelector("table.compare")!;
        Assert.Contains(content.CauseName("it_band"), changes.TextContent, StringComparison.Ordinal);
        Assert.Contains("Post-run reset", changes.TextContent, StringComparison.Ordinal);
        Assert.Contains(content.Words.Finding("knee_caves"), changes.TextContent, StringComparison.Ordinal);
        AssertNoCodes(changes, allowFieldNames: true);
    }

    /// <summary>No code ("runners_knee") nor a code with its underscores made spaces ("runners knee", where the name is "Runner's knee ...") in what a person reads.</summary>
    private static void AssertNoCodes(IElement element, bool allowFieldNames = false)
    {
        IEnumerable<IElement> cells = allowFieldNames ? element.QuerySelectorAll("td:not(:first-child)") : [element];
        foreach (var cell in cells)
        {
            Assert.False(Code().IsMatch(cell.TextContent), $"\"{Code().Match(cell.TextContent).Value}\" in: {cell.TextContent.Trim()}");
        }
    }

    [GeneratedRegex(@"\b[a-z]+_[a-z_]+\b|\b(runners knee|it band|tendon overload|form mechanics|post run reset|knee caves)\b")]
    private static partial Regex Code();
}
