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
        // Absolute, from App:PublicBaseUrl (the test app's is http://localhost): ready to hand over.
        var link = output.ToString().Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("http://localhost/Staff/Invite?", StringComparison.Ordinal));
        using var client = app.CreateBrowser();
        using var set = await (await HtmlForm.OpenAsync(client, new Uri(link).PathAndQuery)).Set("Input.Password", "command line 5 works").Set("Input.Confirm", "command line 5 works").SubmitAsync();
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

    [Theory]
    [InlineData(0, "staff", "--help")]
    [InlineData(0, "staff", "add", "--help")]
    [InlineData(2, "staff")]
    [InlineData(2, "staff", "ad", "--email", "a@b.c")]
    public async Task Help_and_mistakes_print_the_usage_without_a_store(int expectedExit, params string[] args)
    {
        using var output = new StringWriter();

        // No services at all: Program asks this before it migrates anything.
        var exit = await StaffCommand.UsageAsync(args, output);

        Assert.Equal(expectedExit, exit);
        Assert.StartsWith("usage: staff add --email", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_runnable_command_has_no_usage_to_print()
    {
        using var output = new StringWriter();

        Assert.Null(await StaffCommand.UsageAsync(["staff", "add", "--email", "a@b.c", "--role", "Editor"], output));
        Assert.Empty(output.ToString());
    }

    private async Task<StaffUser?> FindAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().Users.FirstOrDefaultAsync(u => u.Email == email);
    }
}
