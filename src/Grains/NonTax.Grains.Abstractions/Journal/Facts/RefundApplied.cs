namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>refund.applied: a unit applied for a business refund (业务性退付申请) of a paid notice.</summary>
/// <param name="Paid">What the notice's revenue confirmation took.</param>
/// <param name="RefundableBefore">Paid less what was refunded or reserved before this application.</param>
public sealed record RefundApplied(
    string RefundNo,
    string ApplicationNo,
    string PayCode,
    string UnitCode,
    [property: MoneyText] decimal Amount,
    [property: MoneyText] decimal Paid,
    [property: MoneyText] decimal RefundableBefore,
    string OriSrc,
    string OriTraNoBus,
    DateOnly OriCfmDate,
    string Reason,
    string AppliedBy) : IFact
{
    public static string Kind => "refund.applied";
}
