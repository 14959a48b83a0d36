namespace NonTax.Frontend.Accounts;

/// <summary>Where in the bureau's organisation a user sits; it bounds which notices they may see.</summary>
public enum OrganisationLevel
{
    /// <summary>财政局: sees every unit of the bureau.</summary>
    Bureau = 0,

    /// <summary>执收单位: sees and issues only its own unit's notices.</summary>
    Unit = 1,
}
