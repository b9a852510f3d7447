using KneeReset.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace KneeReset.Web.Areas.Staff.StaffIdentity;

/// <summary>
/// `dotnet run --project src/KneeReset.Web -- staff add --email a@b.c --role Admin [--name "A B"] [--password-stdin]`:
/// creates a staff account and prints a one-time set-password link (or takes the password from
/// standard input), so no password is ever written in a file or a shell history.
/// </summary>
public static class StaffCommand
{
    public static bool IsStaffCommand(string[] args) => args.Length > 0 && args[0] == "staff";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        if (args.Length < 2 || args[1] != "add" || Option("--email") is not { } email)
        {
            await output.WriteLineAsync("usage: staff add --email EMAIL --role Admin|Editor|Clinician [--name NAME] [--password-stdin]");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var (user, errors) = await accounts.CreateAsync(email, Option("--name"), Option("--role") ?? StaffRoles.Editor, "command line");
        if (user is null)
        {
            await output.WriteLineAsync(string.Join(Environment.NewLine, errors));
            return 1;
        }
        if (args.Contains("--password-stdin"))
        {
            var password = (await input.ReadLineAsync())?.Trim() ?? "";
            var result = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().AddPasswordAsync(user, password);
            if (!result.Succeeded)
            {
                await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().DeleteAsync(user);
                await output.WriteLineAsync(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
                return 1;
            }
            await output.WriteLineAsync($"Created {email}; they can sign in at /Staff/SignIn.");
            return 0;
        }
        await output.WriteLineAsync($"Created {email}. Hand over this one-time link to set a password (prefix it with the site's address):");
        await output.WriteLineAsync(await accounts.InvitePathAsync(user, "command line"));
        return 0;
    }
}
