using Microsoft.AspNetCore.Identity;

namespace KneeReset.Web.Areas.Staff.StaffIdentity;

/// <summary>Identity's password messages in plain words where its defaults show character ranges such as "('0'-'9')"; the others read well as they are.</summary>
public sealed class StaffPasswordErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordRequiresDigit() =>
        new() { Code = nameof(PasswordRequiresDigit), Description = "Use at least one digit (0 to 9) in the password." };

    public override IdentityError PasswordRequiresLower() =>
        new() { Code = nameof(PasswordRequiresLower), Description = "Use at least one lower-case letter (a to z) in the password." };

    public override IdentityError PasswordRequiresUpper() =>
        new() { Code = nameof(PasswordRequiresUpper), Description = "Use at least one capital letter (A to Z) in the password." };

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "Use at least one sign that is not a letter or a digit, such as ! or #." };
}
