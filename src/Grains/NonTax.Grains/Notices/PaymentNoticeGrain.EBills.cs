using NonTax.Grains.Abstractions.Bills;
using NonTax.Grains.Abstractions.EBills;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Bills;
using NonTax.Grains.Journal;
using NonTax.Protocol.Results;

namespace NonTax.Grains.Notices;

/// <summary>
/// E-bills of the notice (docs/architecture.md "E-bills"): the notice decides whether it gets a
/// bill, one call at a time, so two exchanges that race end with one bill. It keeps the bill's
/// identity only; the signed file goes to <c>nontax.ebills</c> through the <c>ebill.issued</c>
/// fact in the same write that claims the number (<c>billno</c>/<c>{code}-{number}</c>, owner the
/// payment code), so a number is on one bill or voided, never both.
/// </summary>
public sealed partial class PaymentNoticeGrain
{
    private const string EBillChannelApi = "api";
    private const string EBillChannelUnit = "8981";
    private const string EBillChannelReversal = "reversal";

    public async Task<EBillOutcome> ExchangeEBill(string billCode, string operatorName)
    {
        if (RefuseExchange() is { } refusal)
        {
            return refusal;
        }

        if (S.EBill is { } existing)
        {
            return new EBillOutcome(ResultCodes.Success, $"notice already has e-bill {existing.Key}", existing, Repeated: true);
        }

        if (billCode.Length != 8 || !billCode.All(char.IsAsciiDigit))
        {
            return new EBillOutcome(ResultCodes.MalformedField, "bill code: 8 digits");
        }

        var reserved = await ReserveNumberAsync(billCode);
        if (reserved.Bill is not { } bill)
        {
            return reserved;
        }

        var document = await Issuer().Issue(S.Notice!, S.Revenue!.Confirmation.Amount, bill);
        return await StoreAsync(bill, document, redLetterOf: null, EBillChannelApi, operatorName);
    }

    public async Task<EBillOutcome> AcceptUnitEBill(UnitSignedEBill unitBill)
    {
        ArgumentNullException.ThrowIfNull(unitBill);
        if (RefuseExchange() is { } refusal)
        {
            return refusal;
        }

        if (S.EBill is { } existing)
        {
            return existing.BillCode == unitBill.BillCode && existing.BillNumber == unitBill.BillNumber
                ? new EBillOutcome(ResultCodes.Success, $"notice already has e-bill {existing.Key}", existing, Repeated: true)
                : new EBillOutcome(ResultCodes.NotAllowed, $"notice was already exchanged for e-bill {existing.Key}", existing);
        }

        var document = await Issuer().Countersign(S.Notice!, S.Revenue!.Confirmation.Amount, unitBill);
        if (document.Code != ResultCodes.Success)
        {
            return new EBillOutcome(document.Code, document.Message);
        }

        var bill = new IssuedEBill(unitBill.BillCode, unitBill.BillNumber, document.CheckCode, document.IssuedAt);
        return await StoreAsync(bill, document, redLetterOf: null, EBillChannelUnit, unitBill.Node, unitBill.Telephone);
    }

    public async Task<EBillOutcome> ReverseEBill(string operatorName, string reason)
    {
        if (S.EBill is not { } blue)
        {
            return new EBillOutcome(S.Notice is null ? ResultCodes.UnknownPayCode : ResultCodes.NotAllowed, "the notice has no e-bill to reverse");
        }

        if (S.RedLetterEBill is { } red)
        {
            return new EBillOutcome(ResultCodes.Success, $"e-bill {blue.Key} was already reversed by {red.Key}", red, Repeated: true);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new EBillOutcome(ResultCodes.MalformedField, "reason: required");
        }

        var reserved = await ReserveNumberAsync(blue.BillCode);
        if (reserved.Bill is not { } redBill)
        {
            return reserved;
        }

        var document = await Issuer().Reverse(S.Notice!, blue, redBill);
        return await StoreAsync(redBill, document, redLetterOf: blue, EBillChannelReversal, $"{operatorName}: {reason}");
    }

    private EBillOutcome? RefuseExchange() => S switch
    {
        { Notice: null } => new EBillOutcome(ResultCodes.UnknownPayCode, "payment code unknown"),
        { Status: not NoticeStatus.Paid } or { Revenue: null } => new EBillOutcome(ResultCodes.NotAllowed, "only a paid notice is exchanged for an e-bill"),
        _ => null,
    };

    private IEBillIssuerGrain Issuer() => GrainFactory.GetGrain<IEBillIssuerGrain>(0);

    /// <summary>
    /// The number the next bill uses: the one a failed attempt reserved, or the unit's next one,
    /// stored before any signing so a crash or a retry never takes a second.
    /// </summary>
    private async Task<EBillOutcome> ReserveNumberAsync(string billCode)
    {
        if (S.ReservedNumber is { } reserved)
        {
            return new EBillOutcome(ResultCodes.Success, "reserved", new IssuedEBill(reserved.BillCode, reserved.BillNumber, "", default));
        }

        var taken = await GrainFactory.GetGrain<IBillCodeGrain>(billCode).TakeNext(S.Notice!.UnitCode);
        if (!taken.Succeeded || taken.Number is not { } number)
        {
            return new EBillOutcome(taken.Code, taken.Message);
        }

        S.ReservedNumber = new ReservedBillNumber(billCode, number);
        await CommitAsync();
        return new EBillOutcome(ResultCodes.Success, "reserved", new IssuedEBill(billCode, number, "", default));
    }

    private async Task<EBillOutcome> StoreAsync(
        IssuedEBill bill, EBillDocument document, IssuedEBill? redLetterOf, string channel, string operatorName, string? telephone = null)
    {
        if (document.Code != ResultCodes.Success || document.Document is not { } file)
        {
            // The reserved number stays for the retry.
            return new EBillOutcome(document.Code, document.Message);
        }

        var now = clock.GetUtcNow();
        var stored = bill with { CheckCode = document.CheckCode, IssuedAt = document.IssuedAt };
        var notice = S.Notice!;
        if (redLetterOf is null)
        {
            S.EBill = stored;
        }
        else
        {
            S.RedLetterEBill = stored;
        }

        if (S.ReservedNumber is { } reserved && reserved.BillCode == bill.BillCode && reserved.BillNumber == bill.BillNumber)
        {
            S.ReservedNumber = null;
        }

        S.Journal.Claim(new UniqueClaim(BillRangeGrain.NumberClaimScope, BillRangeGrain.NumberKey(bill.BillCode, bill.BillNumber), PayCode));
        S.Journal.Record(BusinessFact.Create($"ebill/{stored.Key}", PayCode, now, new EBillIssued(
            PayCode, notice.UnitCode, bill.BillCode, bill.BillNumber, stored.CheckCode, redLetterOf is not null,
            redLetterOf?.BillCode, redLetterOf?.BillNumber, document.TotalAmount, document.PayerName,
            telephone ?? notice.Payer.MobilePhone, channel, operatorName, stored.IssuedAt, Convert.ToBase64String(file))));
        try
        {
            await CommitAsync();
        }
        catch (Exception e) when (JournaledCommit.FindClaimConflict(e) is { Scope: BillRangeGrain.NumberClaimScope } conflict)
        {
            // The number was voided (or is on another bill) since it was taken: drop it, so the
            // next attempt takes a fresh one. The failed write left the stored state in S.
            if (S.ReservedNumber is { } held && held.BillCode == bill.BillCode && held.BillNumber == bill.BillNumber)
            {
                S.ReservedNumber = null;
                await CommitAsync();
            }

            return new EBillOutcome(ResultCodes.NotAllowed, $"bill number {stored.Key} is held by {conflict.ExistingOwner}; try again");
        }

        return new EBillOutcome(ResultCodes.Success, $"issued e-bill {stored.Key}", stored);
    }
}
