using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Units;

namespace NonTax.Grains.Units;

/// <summary>A validated draft with its dates and payee resolved; only the payment code is missing.</summary>
internal sealed record PreparedNotice(
    CollectingUnitProfile Unit,
    NoticeDraft Draft,
    IReadOnlyList<NoticeLine> Lines,
    Payee Payee,
    DateOnly IssueDate,
    DateOnly DueDate,
    DateOnly LastPayableDate,
    decimal LateFeeDailyRate)
{
    public NoticeContent For(string payCode) => new(payCode, Unit.UnitCode, Unit.Name, Unit.RegionCode, IssueDate, DueDate,
        LastPayableDate, Draft.Payer, Payee, Lines, Draft.Amount, LateFeeDailyRate, Draft.OperatorName, Draft.Memo,
        Draft.ConfirmBack, Draft.IssuerNode);
}
