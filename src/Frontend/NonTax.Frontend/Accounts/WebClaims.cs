namespace NonTax.Frontend.Accounts;

/// <summary>Claims the sign-in cookie carries beside the roles.</summary>
public static class WebClaims
{
    public const string MustChangePassword = "nontax:must_change_password";
    public const string OrganisationLevel = "nontax:org_level";
    public const string UnitCode = "nontax:unit";
    public const string DisplayName = "nontax:display_name";

    /// <summary>Set only on a machine token's principal: the token's name.</summary>
    public const string MachineToken = "nontax:machine_token";

    /// <summary>A machine token's creator, the person it acts for in maker-checker.</summary>
    public const string TokenCreator = "nontax:token_creator";
}
