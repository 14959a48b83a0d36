using System.Security.Claims;
using NonTax.Frontend.Accounts;

namespace NonTax.Frontend.Rights;

/// <summary>
/// The organisation scope of a signed-in user: bureau staff reach every unit, a unit's user only
/// their own (按机构级次授权). Checked by every query and command on notices.
/// </summary>
public sealed record UserScope(string UserName, string DisplayName, string? UnitCode)
{
    public bool IsUnitUser => UnitCode is not null;

    public bool Reaches(string unitCode) => UnitCode is null || string.Equals(UnitCode, unitCode, StringComparison.Ordinal);

    public static UserScope Of(ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? throw new InvalidOperationException("No signed-in user.");
        var level = user.FindFirstValue(WebClaims.OrganisationLevel);
        var unit = user.FindFirstValue(WebClaims.UnitCode);
        // A unit-level user without a unit reaches nothing rather than everything.
        if (level == ((int)OrganisationLevel.Unit).ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            unit ??= "-";
        }

        return new UserScope(name, user.FindFirstValue(WebClaims.DisplayName) ?? name, unit);
    }
}
