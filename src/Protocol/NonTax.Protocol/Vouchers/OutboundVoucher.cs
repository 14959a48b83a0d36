using NonTax.Protocol.Nodes;

namespace NonTax.Protocol.Vouchers;

/// <summary>
/// "Be strict in what you send": every voucher the finance node originates is checked against the
/// same field table that refuses a malformed inbound one, so an invalid message fails where it is
/// built, with the field named, instead of at the peer.
/// </summary>
public static class OutboundVoucher
{
    /// <summary>
    /// The voucher of <paramref name="voucher"/> as ordered path fields (<see cref="VoucherPaths"/>),
    /// the shape outbound instructions are stored in.
    /// </summary>
    /// <exception cref="InvalidOutboundMessageException">The voucher breaks a field rule, or <paramref name="msgNo"/> carries another voucher type.</exception>
    public static IReadOnlyList<(string Name, string Value)> ToFields<T>(string msgNo, T voucher, NodeKind? peer = null)
        where T : ITypedVoucher<T>
    {
        ArgumentNullException.ThrowIfNull(voucher);
        var expected = VoucherCatalog.TypeFor(msgNo, peer);
        if (expected != typeof(T))
        {
            throw new ArgumentException($"{msgNo} carries {expected?.Name ?? "no typed voucher"}, not {typeof(T).Name}.", nameof(voucher));
        }

        return VoucherPaths.ToFields(Check(msgNo, voucher.ToVoucher(), peer));
    }

    /// <summary>Returns <paramref name="voucher"/> when it passes the field table of <paramref name="msgNo"/>.</summary>
    /// <exception cref="InvalidOutboundMessageException">It does not, or the MsgNo has no field table (nothing unchecked leaves).</exception>
    public static Voucher Check(string msgNo, Voucher voucher, NodeKind? peer = null)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        if (VoucherCatalog.SpecFor(msgNo, peer) is null)
        {
            throw new InvalidOutboundMessageException(msgNo, Results.ProtocolError.Document($"{msgNo} has no voucher table to check it against"));
        }

        return VoucherCatalog.Validate(msgNo, voucher, peer) is { } error ? throw new InvalidOutboundMessageException(msgNo, error) : voucher;
    }
}
