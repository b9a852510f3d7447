namespace KneeReset.Web.Tests;

/// <summary>
/// The in-memory app with its first admin from configuration (Staff:BootstrapEmail and
/// Staff:BootstrapPassword), for the tests that sign in through the real page.
/// </summary>
public sealed class StaffSignInApp() : KneeResetFactory([new("Staff:BootstrapEmail", AdminEmail), new("Staff:BootstrapPassword", AdminPassword)])
{
    public const string AdminEmail = "first.admin@studio.test";
    public const string AdminPassword = "kneecap gravel 42 hills";
}
