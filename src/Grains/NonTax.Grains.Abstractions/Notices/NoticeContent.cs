namespace NonTax.Grains.Abstractions.Notices;

/// <summary>
/// A fully validated notice, as the collecting unit hands it to the <see cref="IPaymentNoticeGrain"/>
/// (the 8994 voucher it may come from is <c>NonTax.Protocol.Vouchers.Collection.NoticeIssue</c>;
/// the alias keeps this record's former name readable in stored state).
/// Dates are CST business dates.
/// </summary>
/// <param name="DueDate">Issue date + payment period, moved past holidays.</param>
/// <param name="LastPayableDate">Last date a payment is accepted (due date + grace days); later the notice is expired.</param>
/// <param name="LateFeeDailyRate">Share of the notice amount charged per day past the due date (0 = none).</param>
[GenerateSerializer, Immutable, Alias("NonTax.Grains.Abstractions.Notices.NoticeIssue")]
public sealed record NoticeContent(
    [property: Id(0)] string PayCode,
    [property: Id(1)] string UnitCode,
    [property: Id(2)] string UnitName,
    [property: Id(3)] string RegionCode,
    [property: Id(4)] DateOnly IssueDate,
    [property: Id(5)] DateOnly DueDate,
    [property: Id(6)] DateOnly LastPayableDate,
    [property: Id(7)] Payer Payer,
    [property: Id(8)] Payee Payee,
    [property: Id(9)] IReadOnlyList<NoticeLine> Lines,
    [property: Id(10)] decimal Amount,
    [property: Id(11)] decimal LateFeeDailyRate,
    [property: Id(12)] string OperatorName,
    [property: Id(13)] string? Memo,
    [property: Id(14)] bool ConfirmBack,
    [property: Id(15)] string? IssuerNode);
