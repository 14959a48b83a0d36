using NonTax.Protocol.Results;

namespace NonTax.Protocol.Vouchers;

/// <summary>Helpers shared by every typed voucher.</summary>
public static class TypedVoucher
{
    /// <summary>Parses ordered name/value pairs (a flat voucher) as <typeparamref name="T"/>.</summary>
    public static ProtocolResult<T> Parse<T>(IEnumerable<(string Name, string Value)> fields)
        where T : ITypedVoucher<T> => T.Parse(Voucher.FromFields(fields));

    /// <summary>The voucher's leaf fields in order (groups left out).</summary>
    public static IReadOnlyList<(string Name, string Value)> ToFields(this ITypedVoucher voucher)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        return voucher.ToVoucher().ToFields();
    }

    /// <summary>Null when the voucher, as it would be sent, passes its own table ("be strict in what you send").</summary>
    public static ProtocolError? Validate<T>(this T voucher)
        where T : ITypedVoucher<T> => T.Spec.Validate(voucher.ToVoucher());
}
