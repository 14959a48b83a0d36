namespace NonTax.Grains.Abstractions.Notices;

/// <summary>
/// A notice as seen on a given CST date (the 5603/5997 shape), before the edge turns it into the
/// wire voucher <c>NonTax.Protocol.Vouchers.Collection.NoticeDetails</c>.
/// </summary>
/// <param name="NoticeAmount">OriAmt.</param>
/// <param name="LateFee">DelayAmt on the date asked.</param>
/// <param name="AmountDue">Amt = OriAmt + DelayAmt.</param>
/// <param name="IsExpired">Past the last payable date and unpaid.</param>
// Renamed from NoticeDetails; the alias keeps the old type name so older silos still resolve it.
[GenerateSerializer, Immutable, Alias("NonTax.Grains.Abstractions.Notices.NoticeDetails")]
public sealed record NoticeAsOf(
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
    [property: Id(10)] decimal NoticeAmount,
    [property: Id(11)] decimal LateFee,
    [property: Id(12)] decimal AmountDue,
    [property: Id(13)] NoticeStatus Status,
    [property: Id(14)] bool IsExpired,
    [property: Id(15)] string? Memo,
    [property: Id(16)] bool ConfirmBack,
    [property: Id(17)] string? IssuerNode);
