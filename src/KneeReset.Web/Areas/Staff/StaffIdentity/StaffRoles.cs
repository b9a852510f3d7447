namespace KneeReset.Web.Areas.Staff.StaffIdentity;

public static class StaffRoles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public const string Clinician = "Clinician";

    public static readonly string[] All = [Admin, Editor, Clinician];

    /// <summary>Authorization policies: any staff member; the library's editors; admins only; clinicians only (My runners).</summary>
    public const string StaffPolicy = "staff";
    public const string LibraryPolicy = "library";
    public const string AdminPolicy = "admin";
    public const string ClinicianPolicy = "clinician";
}
