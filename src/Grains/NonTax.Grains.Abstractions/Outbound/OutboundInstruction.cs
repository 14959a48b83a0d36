using NonTax.Protocol.Vouchers;

namespace NonTax.Grains.Abstractions.Outbound;

/// <summary>
/// A message the finance node originates to a peer (5617 refund, 5996 unit confirmation, later
/// 5555/5614/5618…). It is stored as ordered voucher fields; the silo's
/// outbound link turns it into a signed CNNONTAX frame. Build one with <see cref="Of{T}"/> from the
/// message's typed voucher, so its fields follow the voucher's table and pass its rules. <see cref="InstructionId"/> is the
/// idempotency key: enqueuing the same id twice delivers once.
/// </summary>
/// <param name="InstructionId">Unique, deterministic id (usually the business number).</param>
/// <param name="MsgNo">Message number, e.g. 5617.</param>
/// <param name="BusinessNo">RefundNo, ClearNo, RemitNo… that the peer's result will name.</param>
/// <param name="Fields">Voucher fields in document order.</param>
/// <param name="CreatedAt">When the instruction was created.</param>
/// <param name="MsgRef">For a result (5555…), the MsgID of the request it answers, sent as HEAD/MsgRef; null: the message's own MsgID.</param>
[GenerateSerializer, Immutable]
public sealed record OutboundInstruction(
    [property: Id(0)] string InstructionId,
    [property: Id(1)] string MsgNo,
    [property: Id(2)] string BusinessNo,
    [property: Id(3)] IReadOnlyList<VoucherField> Fields,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string? MsgRef = null)
{
    /// <summary>An instruction carrying <paramref name="voucher"/>, checked against the field rules of <paramref name="msgNo"/>.</summary>
    /// <exception cref="InvalidOutboundMessageException">The voucher breaks a field rule.</exception>
    public static OutboundInstruction Of<T>(string instructionId, string msgNo, string businessNo, T voucher, DateTimeOffset createdAt)
        where T : ITypedVoucher<T> =>
        new(instructionId, msgNo, businessNo, [.. OutboundVoucher.ToFields(msgNo, voucher).Select(f => new VoucherField(f.Name, f.Value))], createdAt);
}
