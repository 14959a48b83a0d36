using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;

namespace NonTax.Protocol.Vouchers.Common;

/// <summary>2000 (bank) / 5000 (finance): "green channel" free-form message between people.</summary>
public sealed record GreenChannelMessage(string Title, string Content, string Sender) : ITypedVoucher<GreenChannelMessage>
{
    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
    [
        FieldSpec.M("Title", FieldType.GBString, 1, 100),
        FieldSpec.M("Content", FieldType.GBString, 1, 4000),
        FieldSpec.M("Sender", FieldType.GBString, 1, 100),
    ]);

    /// <inheritdoc />
    public static ProtocolResult<GreenChannelMessage> Parse(Voucher voucher) =>
        Spec.Read(voucher, r => new GreenChannelMessage(r.Text("Title"), r.Text("Content"), r.Text("Sender")));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder().Text("Title", Title).Text("Content", Content).Text("Sender", Sender).Build();
}
