using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NonTax.Grains.Abstractions.Bureau;
using NonTax.Grains.Abstractions.Outbound;
using NonTax.Grains.Abstractions.Units;

namespace NonTax.Grains.BaseData.Publishing;

/// <summary>
/// The rows of one full refresh as voucher fields without the SeqNo. Repeated groups use path
/// names (<c>Accounts/Account/AcctNo</c>) that the silo's transport nests into elements.
/// <see cref="Fingerprint"/> identifies the content, so an unchanged refresh is not pushed again
/// after an unrelated edit.
/// </summary>
internal sealed record RefreshContent(string MsgNo, IReadOnlyList<VoucherField> Fields, int Rows)
{
    public const string AccountRefresh = "5952";
    public const string RegionRefresh = "5953";
    public const string SupervisedAccountRefresh = "5981";

    /// <summary>5952: every fiscal account, closed ones with Status 0 so banks stop using them.</summary>
    public static RefreshContent Accounts(IEnumerable<FiscalAccount> accounts)
    {
        var rows = accounts.OrderBy(a => a.AccountNo, StringComparer.Ordinal).ToList();
        var fields = rows.SelectMany(a => new VoucherField[]
        {
            new("Accounts/Account/AcctNo", a.AccountNo),
            new("Accounts/Account/AcctName", a.Name),
            new("Accounts/Account/AcctType", a.AccountType.ToString(CultureInfo.InvariantCulture)),
            new("Accounts/Account/BankCode", a.BankCode),
            new("Accounts/Account/BankName", a.BankName),
            new("Accounts/Account/Status", a.Active ? "1" : "0"),
        });
        return new(AccountRefresh, WithContainer("Accounts", fields), rows.Count);
    }

    /// <summary>5953: the regions this finance node serves.</summary>
    public static RefreshContent Regions(string financeNode, IEnumerable<Region> regions)
    {
        var rows = regions.OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var fields = rows.SelectMany(r => new VoucherField[]
        {
            new("Regions/Region/AdmDivCode", r.Code),
            new("Regions/Region/Name", r.Name),
        });
        return new(RegionRefresh, [new("FinanceNode", financeNode), .. WithContainer("Regions", fields)], rows.Count);
    }

    /// <summary>
    /// 5981: each active unit-supervised account (RecAcctType 4) with the active units whose
    /// notices are paid into it. An account no unit uses is left out: the voucher must name a unit.
    /// </summary>
    public static RefreshContent SupervisedAccounts(IEnumerable<FiscalAccount> accounts, IEnumerable<CollectingUnitProfile> units)
    {
        var byAccount = units.Where(u => u.Status == UnitStatus.Active).ToLookup(u => u.PayeeAccountNo, StringComparer.Ordinal);
        var rows = accounts
            .Where(a => a.AccountType == SupervisedAccountType && a.Active)
            .OrderBy(a => a.AccountNo, StringComparer.Ordinal)
            .SelectMany(a => byAccount[a.AccountNo].OrderBy(u => u.UnitCode, StringComparer.Ordinal).Select(u => (Account: a, Unit: u)))
            .ToList();
        var fields = rows.SelectMany(r => new VoucherField[]
        {
            new("Accounts/Account/AcctNo", r.Account.AccountNo),
            new("Accounts/Account/AcctName", r.Account.Name),
            new("Accounts/Account/ChgAgenCode", r.Unit.UnitCode),
            new("Accounts/Account/ChgAgenName", r.Unit.Name),
            new("Accounts/Account/BankCode", r.Account.BankCode),
        });
        return new(SupervisedAccountRefresh, WithContainer("Accounts", fields), rows.Count);
    }

    /// <summary>RecAcctType 4: a unit's supervised account.</summary>
    public const int SupervisedAccountType = 4;

    /// <summary>The fields of the voucher: SeqNo first, then the rows.</summary>
    public IReadOnlyList<VoucherField> WithSeqNo(long seqNo) =>
        [new("SeqNo", seqNo.ToString(CultureInfo.InvariantCulture)), .. Fields];

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

    // An empty list is still sent as an empty container: "no accounts" is a valid full refresh.
    private static IReadOnlyList<VoucherField> WithContainer(string container, IEnumerable<VoucherField> fields)
    {
        var list = fields.ToList();
        return list.Count == 0 ? [new(container, "")] : list;
    }
}
