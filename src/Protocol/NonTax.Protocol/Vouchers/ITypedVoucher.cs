using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;

namespace NonTax.Protocol.Vouchers;

/// <summary>A voucher type with a field table, a parser and a writer.</summary>
public interface ITypedVoucher
{
    /// <summary>The generic voucher, fields in the table's order, optional fields kept as empty elements.</summary>
    Voucher ToVoucher();
}

/// <summary>Static parse/spec members of a voucher type (for generic code such as tests and the docs).</summary>
public interface ITypedVoucher<TSelf> : ITypedVoucher
    where TSelf : ITypedVoucher<TSelf>
{
    /// <summary>The voucher's field table.</summary>
    static abstract VoucherSpec Spec { get; }

    /// <summary>Validates and converts a generic voucher.</summary>
    static abstract ProtocolResult<TSelf> Parse(Voucher voucher);
}
