using System.Security.Cryptography;
using System.Text;
using NonTax.Grains.Abstractions.BankAccounts;
using NonTax.Grains.Abstractions.Bureau;
using NonTax.Grains.Abstractions.Outbound;
using NonTax.Grains.Abstractions.Units;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers;
using NonTax.Protocol.Vouchers.BaseData;

namespace NonTax.Grains.BaseData.Publishing;

/// <summary>
/// One full refresh, built from its typed voucher (<see cref="AccountRefresh"/>,
/// <see cref="RegionRefresh"/>, <see cref="SupervisedAccountRefresh"/>). <see cref="Fields"/> are
/// the voucher's path fields (<c>Accounts/Account/AcctNo</c>) without the SeqNo, and
/// <see cref="Fingerprint"/> identifies them, so an unchanged refresh is not pushed again after an
/// unrelated edit.
/// </summary>
internal sealed class RefreshContent
{
    private const string SeqNoField = "SeqNo";
    private readonly Func<long, ITypedVoucher> _voucher;

    private RefreshContent(string msgNo, int rows, Func<long, ITypedVoucher> voucher)
    {
        MsgNo = msgNo;
        Rows = rows;
        _voucher = voucher;
        Fields = [.. VoucherPaths.ToFields(voucher(0).ToVoucher()).Where(f => f.Name != SeqNoField).Select(f => new VoucherField(f.Name, f.Value))];
    }

    public string MsgNo { get; }

    public IReadOnlyList<VoucherField> Fields { get; }

    public int Rows { get; }

    /// <summary>5952: every fiscal account, closed ones with Status 0 so banks stop using them.</summary>
    public static RefreshContent Accounts(IEnumerable<FiscalAccount> accounts)
    {
        var rows = accounts.OrderBy(a => a.AccountNo, StringComparer.Ordinal)
            .Select(a => new AccountRefresh.Account(a.AccountNo, a.Name, a.AccountType, a.BankCode, a.BankName, a.Active ? 1 : 0))
            .ToArray();
        return new(MsgNos.AccountRefresh, rows.Length, seqNo => new AccountRefresh(seqNo, rows));
    }

    /// <summary>5953: the regions this finance node serves.</summary>
    public static RefreshContent Regions(string financeNode, IEnumerable<Region> regions)
    {
        var rows = regions.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => new RegionRefresh.Region(r.Code, r.Name)).ToArray();
        return new(MsgNos.RegionRefresh, rows.Length, seqNo => new RegionRefresh(seqNo, financeNode, rows));
    }

    /// <summary>
    /// 5981: each active unit-supervised account (RecAcctType 4) with the active units whose
    /// notices are paid into it. An account no unit uses is left out: the voucher must name a unit.
    /// </summary>
    public static RefreshContent SupervisedAccounts(IEnumerable<FiscalAccount> accounts, IEnumerable<CollectingUnitProfile> units)
    {
        var rows = SupervisedAccountRows(accounts, units)
            .Where(a => a.Published)
            .Select(a => new SupervisedAccountRefresh.Account(a.AccountNo, a.AccountName, a.UnitCode!, a.UnitName!, a.BankCode))
            .ToArray();
        return new(MsgNos.SupervisedAccountRefreshOrEBillExchangeReply, rows.Length, seqNo => new SupervisedAccountRefresh(seqNo, rows));
    }

    /// <summary>
    /// Each active supervised account (RecAcctType 4) with each active unit paid into it, in account
    /// and unit order — the rows of the 5981 — and, once, each such account no active unit uses
    /// (no unit: not in the 5981). The supervised-account list shows exactly this.
    /// </summary>
    public static IReadOnlyList<SupervisedAccount> SupervisedAccountRows(IEnumerable<FiscalAccount> accounts, IEnumerable<CollectingUnitProfile> units)
    {
        var byAccount = units.Where(u => u.Status == UnitStatus.Active).ToLookup(u => u.PayeeAccountNo, StringComparer.Ordinal);
        return [.. accounts
            .Where(a => a.AccountType == SupervisedAccountType && a.Active)
            .OrderBy(a => a.AccountNo, StringComparer.Ordinal)
            .SelectMany(a => byAccount[a.AccountNo].Any()
                ? byAccount[a.AccountNo].OrderBy(u => u.UnitCode, StringComparer.Ordinal)
                    .Select(u => new SupervisedAccount(a.AccountNo, a.Name, a.BankCode, a.BankName, u.UnitCode, u.Name))
                : [new SupervisedAccount(a.AccountNo, a.Name, a.BankCode, a.BankName, null, null)])];
    }

    /// <summary>RecAcctType 4: a unit's supervised account.</summary>
    public const int SupervisedAccountType = 4;

    /// <summary>The fields of the voucher with its SeqNo, checked against the voucher's field rules.</summary>
    /// <exception cref="InvalidOutboundMessageException">A row breaks a field rule: the refresh is not sent.</exception>
    public IReadOnlyList<VoucherField> WithSeqNo(long seqNo) =>
        [.. VoucherPaths.ToFields(OutboundVoucher.Check(MsgNo, _voucher(seqNo).ToVoucher())).Select(f => new VoucherField(f.Name, f.Value))];

    /// <summary>Content and recipients together: a new bank must get the refresh even if the rows did not change.</summary>
    public string Fingerprint(IEnumerable<string> peers)
    {
        var text = new StringBuilder(MsgNo).Append('\n');
        foreach (var peer in peers)
        {
            text.Append(peer).Append('\n');
        }

        foreach (var field in Fields)
        {
            text.Append(field.Name).Append('=').Append(field.Value).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
