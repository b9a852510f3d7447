using KneeReset.Web.Areas.Staff.StaffIdentity;
using KneeReset.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Areas.Staff;

/// <summary>
/// Every failed sign-in costs the same work, one password-hash verification, whether the email
/// belongs to an account or not: the time it takes must not tell which staff emails exist (issue
/// 22, finding 8). Counted, not timed.
/// </summary>
public sealed class SignInWorkTests(SignInWorkTests.CountingApp app) : IClassFixture<SignInWorkTests.CountingApp>
{
    private const string Password = "the right 7 password";

    [Fact]
    public async Task A_wrong_password_for_a_known_email_checks_one_hash()
    {
        var email = $"known.{Guid.NewGuid():N}@studio.test";
        await app.CreateStaffAsync(email, StaffRoles.Editor, Password);

        Assert.Equal(1, await VerificationsWhileSigningInAsync(email, "the wrong 7 password"));
    }

    [Fact]
    public async Task An_unknown_email_checks_one_hash_too()
    {
        Assert.Equal(1, await VerificationsWhileSigningInAsync($"nobody.{Guid.NewGuid():N}@studio.test", "the wrong 7 password"));
    }

    [Fact]
    public async Task A_disabled_account_and_one_without_a_password_check_one_hash_too()
    {
        var disabled = $"disabled.{Guid.NewGuid():N}@studio.test";
        var user = await app.CreateStaffAsync(disabled, StaffRoles.Editor, Password);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>().SetDisabledAsync((await users.FindByIdAsync(user.Id))!, true, "setup@studio.test");
        }
        var invited = $"invited.{Guid.NewGuid():N}@studio.test";
        await app.CreateStaffAsync(invited, StaffRoles.Editor);

        Assert.Equal(1, await VerificationsWhileSigningInAsync(disabled, Password));
        Assert.Equal(1, await VerificationsWhileSigningInAsync(invited, Password));
    }

    private async Task<int> VerificationsWhileSigningInAsync(string email, string password)
    {
        using var client = app.CreateBrowser();
        var before = app.Hashes.Verifications;
        using var response = await client.SignInAsync(email, password);
        Assert.False(StaffPages.SetsStaffCookie(response));
        return app.Hashes.Verifications - before;
    }

    /// <summary>The app with its password hasher counting verifications (the tests in this class run one at a time).</summary>
    public sealed class CountingApp : KneeResetFactory
    {
        public HashCounter Hashes { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<StaffUser>>(sp =>
                new CountingHasher(ActivatorUtilities.CreateInstance<PasswordHasher<StaffUser>>(sp), Hashes)));
        }
    }

    public sealed class HashCounter
    {
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public void Verified() => Interlocked.Increment(ref _verifications);
    }

    private sealed class CountingHasher(IPasswordHasher<StaffUser> inner, HashCounter counter) : IPasswordHasher<StaffUser>
    {
        public string HashPassword(StaffUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            counter.Verified();
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
