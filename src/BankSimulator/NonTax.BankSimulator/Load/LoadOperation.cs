namespace NonTax.BankSimulator.Load;

/// <summary>The kinds of request the load mode sends; each is measured on its own.</summary>
public enum LoadOperation
{
    /// <summary>8994 from the unit platform: issue a notice with a fresh payment code.</summary>
    Issue,

    /// <summary>2601 from a bank: query a notice from the pool.</summary>
    Query,

    /// <summary>2612 from a bank: confirm an unpaid notice from the pool (expects 00000).</summary>
    Confirm,

    /// <summary>2612 from a second bank for a notice already confirmed (expects 10006).</summary>
    Duplicate,
}
