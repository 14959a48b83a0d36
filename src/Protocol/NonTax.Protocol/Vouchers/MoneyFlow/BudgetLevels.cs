namespace NonTax.Protocol.Vouchers.MoneyFlow;

/// <summary>预算级次: the budget level a share of revenue belongs to (5614, 5618).</summary>
public static class BudgetLevels
{
    /// <summary>中央 central.</summary>
    public const int Central = 1;

    /// <summary>省 province.</summary>
    public const int Province = 2;

    /// <summary>市 city (prefecture).</summary>
    public const int City = 3;

    /// <summary>县 county.</summary>
    public const int County = 4;

    /// <summary>乡 township.</summary>
    public const int Township = 5;

    /// <summary>True for 1–5.</summary>
    public static bool IsValid(int level) => level is >= Central and <= Township;
}
