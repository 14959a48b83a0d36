namespace NonTax.Protocol.Envelope;

/// <summary>A decoded CFX document: the head and one or more voucher bodies (VoucherCount ≥ 1).</summary>
public sealed record CfxEnvelope(Head Head, IReadOnlyList<VoucherBody> Vouchers)
{
    /// <summary>The first voucher's body (most messages carry exactly one).</summary>
    public VoucherBody First => Vouchers[0];
}
