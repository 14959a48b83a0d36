using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;
using F = NonTax.Protocol.Vouchers.Units.UnitFieldSpecs;

namespace NonTax.Protocol.Vouchers.Units;

/// <summary>
/// 8981 (unit → finance, answered 5981): exchange a paid notice for an e-bill. <c>EInvoice</c> is
/// the base64 of the UTF-8 e-bill XML (Header + EInvoiceData); <c>Sign_Info</c> carries the
/// unit's detached signature over it; <c>Recipient_Addr</c> is optional.
/// </summary>
public sealed record EBillExchange(
    string PayCode,
    string BillNo,
    string AdmDivCode,
    string BillTypeCode,
    string BillTypeName,
    string BillVerCode,
    string BillVerName,
    string Version,
    string EInvoice,
    string SealPic,
    string AttachInfo,
    string Hold1,
    EBillExchange.SignInfo Signature,
    EBillExchange.RecipientAddress? Recipient) : ITypedVoucher<EBillExchange>
{
    /// <summary>Default signature algorithm (national scheme).</summary>
    public const string DefaultAlgorithm = "SM2";

    /// <summary>The signature format the specification requires.</summary>
    public const string DetachedFormat = "DETACH";

    /// <summary>The signing certificate (Key_Info), optional.</summary>
    public sealed record KeyInfo(string Number, string Issuer);

    /// <summary>Sign_Info: a detached signature over Header + EInvoiceData.</summary>
    public sealed record SignInfo(string Value, string Format, string Algorithm, DateTimeOffset Time, KeyInfo? Key);

    /// <summary>Recipient_Addr: where to send the bill.</summary>
    public sealed record RecipientAddress(string Email, string Telephone);

    private static readonly VoucherSpec KeyInfoSpec = new(
    [
        FieldSpec.O("Number", FieldType.String, 0, 100),
        FieldSpec.O("Issuer", FieldType.GBString, 0, 300),
    ]);

    private static readonly VoucherSpec SignInfoSpec = new(
        [
            FieldSpec.M("Value", FieldType.Base64, 1, 8192),
            FieldSpec.M("Format", FieldType.String, 1, 20),
            FieldSpec.M("Algorithm", FieldType.String, 1, 20),
            FieldSpec.M("Time", FieldType.UtcDateTime),
        ],
        [new GroupSpec(null, "Key_Info", KeyInfoSpec)]);

    private static readonly VoucherSpec RecipientSpec = new(
    [
        FieldSpec.O("Email", FieldType.String, 0, 100),
        FieldSpec.O("Telephone", FieldType.String, 0, 20),
    ]);

    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
        [
            FieldSpec.M("PayCode", FieldType.String, 1, 20),
            F.BillNo, F.AdmDivCode, F.BillTypeCode, F.BillTypeName, F.BillVerCode, F.BillVerName, F.Version,
            FieldSpec.M("EInvoice", FieldType.Base64, 1, F.MaxBase64Length),
            FieldSpec.O("Seal_Pic", FieldType.Base64, 0, F.MaxBase64Length),
            F.AttachInfo,
            F.Hold1,
        ],
        [new GroupSpec(null, "Sign_Info", SignInfoSpec), new GroupSpec(null, "Recipient_Addr", RecipientSpec)]);

    /// <inheritdoc />
    public static ProtocolResult<EBillExchange> Parse(Voucher voucher)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        if (voucher.Elements.Count(e => e.Name == "Sign_Info") != 1)
        {
            return ProtocolError.InvalidField("Sign_Info", "exactly one required");
        }

        return Spec.Read(voucher, r =>
        {
            var sign = r.Items(null, "Sign_Info")[0];
            var key = sign.Items(null, "Key_Info").Select(k => new KeyInfo(k.Text("Number"), k.Text("Issuer"))).FirstOrDefault();
            var recipient = r.Items(null, "Recipient_Addr").Select(a => new RecipientAddress(a.Text("Email"), a.Text("Telephone"))).FirstOrDefault();
            return new EBillExchange(
                r.Text("PayCode"), r.Text("BillNo"), r.Text("AdmDivCode"), r.Text("BillTypeCode"), r.Text("BillTypeName"),
                r.Text("BillVerCode"), r.Text("BillVerName"), r.Text("Version"), r.Text("EInvoice"), r.Text("Seal_Pic"),
                r.Text("Attach_Info"), r.Text("Hold1"),
                new SignInfo(sign.Text("Value"), sign.Text("Format"), sign.Text("Algorithm"), sign.UtcDateTime("Time"), key),
                recipient);
        });
    }

    /// <inheritdoc />
    public Voucher ToVoucher()
    {
        var builder = new VoucherBuilder()
            .Text("PayCode", PayCode).Text("BillNo", BillNo).Text("AdmDivCode", AdmDivCode)
            .Text("BillTypeCode", BillTypeCode).Text("BillTypeName", BillTypeName).Text("BillVerCode", BillVerCode)
            .Text("BillVerName", BillVerName).Text("Version", Version).Text("EInvoice", EInvoice)
            .Text("Seal_Pic", SealPic).Text("Attach_Info", AttachInfo).Text("Hold1", Hold1)
            .Nested("Sign_Info", s =>
            {
                s.Text("Value", Signature.Value).Text("Format", Signature.Format).Text("Algorithm", Signature.Algorithm)
                    .UtcDateTime("Time", Signature.Time);
                if (Signature.Key is { } key)
                {
                    s.Nested("Key_Info", k => k.Text("Number", key.Number).Text("Issuer", key.Issuer));
                }
            });
        if (Recipient is { } recipient)
        {
            builder.Nested("Recipient_Addr", a => a.Text("Email", recipient.Email).Text("Telephone", recipient.Telephone));
        }

        return builder.Build();
    }
}
