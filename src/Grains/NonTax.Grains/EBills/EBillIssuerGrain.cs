using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NonTax.EBills.Document;
using NonTax.EBills.Keys;
using NonTax.EBills.Signing;
using NonTax.Grains.Abstractions.Bills;
using NonTax.Grains.Abstractions.EBills;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Protocol.Results;
using Orleans.Concurrency;

namespace NonTax.Grains.EBills;

/// <summary>
/// Builds and signs e-bill files (see <see cref="IEBillIssuerGrain"/>). Stateless: every answer
/// comes from its arguments, the keys and what SQL says about the number; a missing key is a
/// refusal naming the file, never a half-signed bill.
/// </summary>
[StatelessWorker]
public sealed class EBillIssuerGrain(
    EBillKeyStore keys,
    IOptions<EBillOptions> options,
    IBillRangeDirectory numbers,
    IEBillArchive archive,
    TimeProvider clock,
    ILogger<EBillIssuerGrain> logger) : Grain, IEBillIssuerGrain
{
    public Task<EBillDocument> Issue(NoticeContent notice, decimal paidAmount, IssuedEBill bill) => Signing(() =>
    {
        var now = Now();
        var content = EBillFace.For(notice, paidAmount, bill.BillCode, bill.BillNumber, BillCheckCode.New(), now, options.Value);
        var signed = EInvoiceSigner.Issue(content, keys.Unit(notice.UnitCode), keys.Finance(), now);
        return Task.FromResult(Made(signed, content));
    });

    public Task<EBillDocument> Countersign(NoticeContent notice, decimal paidAmount, UnitSignedEBill bill) => Signing(async () =>
    {
        EInvoiceContent content;
        try
        {
            content = EInvoiceXml.Read(bill.Content);
        }
        catch (EBillFormatException e)
        {
            return Refused(ResultCodes.MalformedField, e.Message);
        }

        var number = bill.BillNumber.ToString("D10", CultureInfo.InvariantCulture);
        var mismatch = content switch
        {
            _ when content.BillCode != bill.BillCode || content.BillNumber != number =>
                $"the bill says {content.BillCode}-{content.BillNumber}, the message {bill.BillCode}-{number}",
            _ when content.PayCode != notice.PayCode => $"MainExt/PayCode {content.PayCode} is not the notice {notice.PayCode}",
            _ when content.InvoicingParty.Code != notice.UnitCode => $"InvoicingPartyCode {content.InvoicingParty.Code} is not the notice's unit {notice.UnitCode}",
            _ when content.TotalAmount != paidAmount => $"TotalAmount {EInvoiceXml.Amount(content.TotalAmount)} is not the {EInvoiceXml.Amount(paidAmount)} paid",
            _ when content.IsRedLetter => "a red-letter bill is not exchanged for a notice",
            _ => null,
        };
        if (mismatch is not null)
        {
            return Refused(ResultCodes.MalformedField, mismatch);
        }

        var state = await numbers.NumberAsync(bill.BillCode, bill.BillNumber);
        if (state is null || state.UnitCode != notice.UnitCode || state.Status != "taken")
        {
            return Refused(ResultCodes.NotAllowed, state is null
                ? $"{bill.BillCode}-{number} was never taken from stock"
                : state.UnitCode != notice.UnitCode ? $"{bill.BillCode}-{number} was taken by unit {state.UnitCode}" : $"{bill.BillCode}-{number} is {state.Status}");
        }

        var unitSignature = new SignatureBlock(SignatureBlock.UnitReference, bill.Algorithm, bill.Format, bill.SignedAt, bill.SignatureValue,
            bill.CertificateSerial, bill.CertificateIssuer);
        var problems = new List<string>();
        if (!EInvoiceVerifier.VerifyUnit(bill.Content, unitSignature, keys, notice.UnitCode, problems))
        {
            return Refused(ResultCodes.MalformedField, string.Join("; ", problems));
        }

        return Made(EInvoiceSigner.Countersign(bill.Content, unitSignature, keys.Finance(), Now()), content);
    });

    public Task<EBillDocument> Reverse(NoticeContent notice, IssuedEBill blue, IssuedEBill red) => Signing(async () =>
    {
        if (await archive.FindAsync(blue.BillCode, blue.BillNumber) is not { } stored)
        {
            return Refused(ResultCodes.GeneralFailure, $"e-bill {blue.Key} is not in the archive");
        }

        var blueContent = EInvoiceXml.Read(SignedEInvoice.Parse(stored.Document).SignedContent);
        var now = Now();
        var content = EBillFace.RedLetter(blueContent, red.BillNumber, BillCheckCode.New(), now);
        return Made(EInvoiceSigner.Issue(content, keys.Unit(notice.UnitCode), keys.Finance(), now), content);
    });

    private static EBillDocument Made(SignedEInvoice signed, EInvoiceContent content) =>
        new(ResultCodes.Success, "signed", signed.ToDocument(), content.TotalAmount, content.PayerParty.Name, content.CheckCode, content.IssuedAt);

    private static EBillDocument Refused(string code, string message) => new(code, message);

    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow().ToOffset(NonTax.Protocol.Time.ChinaTime.Offset);
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
    }

    private async Task<EBillDocument> Signing(Func<Task<EBillDocument>> work)
    {
        try
        {
            return await work();
        }
        catch (EBillKeyMissingException e)
        {
            logger.LogError("E-bill signing key missing: {Reason}", e.Message);
            return Refused(ResultCodes.GeneralFailure, e.Message);
        }
        catch (EBillFormatException e)
        {
            return Refused(ResultCodes.MalformedField, e.Message);
        }
    }
}
