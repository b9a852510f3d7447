using KneeReset.Web.Data;
using KneeReset.Web.Infrastructure;
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

    private const string Usage = "usage: staff add --email EMAIL --role Admin|Editor|Clinician [--name NAME] [--password-stdin]";

    /// <summary>
    /// When the arguments are not a command to run (--help, none, a typo): prints the usage and
    /// gives the exit code, before anything touches the store. Null when there is work to do.
    /// </summary>
    public static async Task<int?> UsageAsync(string[] args, TextWriter output)
    {
        if (args.Length >= 2 && args[1] == "add" && Option(args, "--email") is not null && !args.Contains("--help"))
        {
            return null;
        }
        await output.WriteLineAsync(Usage);
        return args.Contains("--help") || args.Contains("-h") ? 0 : 2;
    }

    private static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output)
    {
        if (await UsageAsync(args, output) is { } exitCode)
        {
            return exitCode;
        }
        var email = Option(args, "--email")!;
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var links = scope.ServiceProvider.GetRequiredService<PublicLinks>();
        var (user, errors) = await accounts.CreateAsync(email, Option(args, "--name"), Option(args, "--role") ?? StaffRoles.Editor, "command line");
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
            await output.WriteLineAsync($"Created {email}; they can sign in at {links.To("/Staff/SignIn")}.");
            return 0;
        }
        // Absolute when App:PublicBaseUrl is set, so the link can be handed over as it is.
        await output.WriteLineAsync(links.IsAbsolute
            ? $"Created {email}. Hand over this one-time link to set a password:"
            : $"Created {email}. Hand over this one-time link to set a password (prefix it with the site's address; App:PublicBaseUrl would do it):");
        await output.WriteLineAsync(links.To(await accounts.InvitePathAsync(user, "command line")));
        return 0;
    }
}
