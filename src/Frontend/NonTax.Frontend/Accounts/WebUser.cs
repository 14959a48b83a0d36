using Microsoft.AspNetCore.Identity;

namespace NonTax.Frontend.Accounts;

/// <summary>
/// A person who signs in to the web app (用户): finance bureau staff or a collecting unit's
/// clerk. Every account is personal; there is no shared administrator.
/// </summary>
public sealed class WebUser : IdentityUser
{
    /// <summary>Name shown on pages and in the audit log (姓名).</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Organisation level (机构级次): the bureau, or one collecting unit.</summary>
    public OrganisationLevel OrganisationLevel { get; set; } = OrganisationLevel.Bureau;

    /// <summary>The unit a unit-level user works for (执收单位编码); null for bureau staff.</summary>
    public string? UnitCode { get; set; }

    /// <summary>Set for a new or reset account: nothing but the password change is reachable until it is cleared.</summary>
    public bool MustChangePassword { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
