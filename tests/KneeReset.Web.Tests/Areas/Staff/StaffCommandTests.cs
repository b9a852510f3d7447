using KneeReset.Web.Areas.Staff.StaffIdentity;
using KneeReset.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Areas.Staff;

/// <summary>`staff add` on the command line: an invite link, or a password from standard input.</summary>
public class StaffCommandTests(StaffSignInApp app) : IClassFixture<StaffSignInApp>
{
    [Fact]
    public async Task Staff_add_prints_an_invite_link_that_sets_a_password()
    {
        var email = $"cli.{Guid.NewGuid():N}@studio.test";
        using var output = new StringWriter();

        var exit = await StaffCommand.RunAsync(app.Services, ["staff", "add", "--email", email, "--role", "Editor"], TextReader.Null, output);

        Assert.Equal(0, exit);
        var link = output.ToString().Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("/Staff/Invite?", StringComparison.Ordinal));
        using var client = app.CreateBrowser();
        using var set = await (await HtmlForm.OpenAsync(client, link)).Set("Input.Password", "command line 5 works").Set("Input.Confirm", "command line 5 works").SubmitAsync();
        Assert.Equal("/Staff/SignIn", Browser.AssertRedirect(set));
        await client.SignInOrFailAsync(email, "command line 5 works");
        await client.GetPageAsync("/Staff/Library/Routines");
    }

    [Fact]
    public async Task Staff_add_with_password_stdin_creates_an_account_that_signs_in()
    {
        var email = $"stdin.{Guid.NewGuid():N}@studio.test";
        using var input = new StringReader("piped in 6 password\n");
        using var output = new StringWriter();

        var exit = await StaffCommand.RunAsync(app.Services, ["staff", "add", "--email", email, "--role", "Admin", "--name", "Pat Piper", "--password-stdin"], input, output);

        Assert.Equal(0, exit);
        Assert.Contains($"Created {email}", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("piped in 6 password", output.ToString(), StringComparison.Ordinal);
        using var client = app.CreateBrowser();
        await client.SignInOrFailAsync(email, "piped in 6 password");
        await client.GetPageAsync("/Staff/Accounts");
    }

    [Fact]
    public async Task A_weak_password_on_stdin_fails_and_leaves_no_account()
    {
        var email = $"weakstdin.{Guid.NewGuid():N}@studio.test";
        using var input = new StringReader("short1\n");
        using var output = new StringWriter();

        var exit = await StaffCommand.RunAsync(app.Services, ["staff", "add", "--email", email, "--role", "Editor", "--password-stdin"], input, output);

        Assert.Equal(1, exit);
        Assert.Contains("Passwords must be at least 12 characters.", output.ToString(), StringComparison.Ordinal);
        Assert.Null(await FindAsync(email));
    }

    [Fact]
    public async Task An_unknown_role_gives_exit_code_1_and_creates_nothing()
    {
        var email = $"badrole.{Guid.NewGuid():N}@studio.test";
        using var output = new StringWriter();

        var exit = await StaffCommand.RunAsync(app.Services, ["staff", "add", "--email", email, "--role", "Superuser"], TextReader.Null, output);

        Assert.Equal(1, exit);
        Assert.Contains("Role must be one of Admin, Editor, Clinician.", output.ToString(), StringComparison.Ordinal);
        Assert.Null(await FindAsync(email));
    }

    [Fact]
    public async Task Without_an_email_the_command_prints_its_usage()
    {
        using var output = new StringWriter();

        var exit = await StaffCommand.RunAsync(app.Services, ["staff", "add", "--role", "Editor"], TextReader.Null, output);

        Assert.Equal(2, exit);
        Assert.StartsWith("usage: staff add --email", output.ToString(), StringComparison.Ordinal);
    }

    private async Task<StaffUser?> FindAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().Users.FirstOrDefaultAsync(u => u.Email == email);
    }
}
