using FsCheck;
using FsCheck.Xunit;
using NonTax.Protocol.Vouchers;
using NonTax.Protocol.Vouchers.BaseData;

namespace NonTax.Integration.Tests.Outbound;

/// <summary>
/// The silo's transport turns an instruction's flat path fields into the voucher a bank parses
/// (<see cref="VoucherPaths"/>); no database needed.
/// </summary>
public sealed class VoucherPathsTests
{
    [Fact]
    public void Path_fields_become_the_groups_a_bank_parses_as_a_5952()
    {
        (string, string)[] fields =
        [
            ("SeqNo", "12"),
            ("Accounts/Account/AcctNo", "32001647236051117660"), ("Accounts/Account/AcctName", "如皋市财政局"), ("Accounts/Account/AcctType", "1"),
            ("Accounts/Account/BankCode", "0105"), ("Accounts/Account/BankName", "中国建设银行如皋支行"), ("Accounts/Account/Status", "1"),
            ("Accounts/Account/AcctNo", "32001647236051119999"), ("Accounts/Account/AcctName", "教育局监管户"), ("Accounts/Account/AcctType", "4"),
            ("Accounts/Account/BankCode", "0105"), ("Accounts/Account/BankName", "中国建设银行如皋支行"), ("Accounts/Account/Status", "0"),
        ];

        var voucher = VoucherPaths.ToVoucher(fields);

        Assert.True(AccountRefresh.Parse(voucher).TryGetValue(out var refresh, out var error), error?.Information);
        Assert.Equal(12, refresh.SeqNo);
        Assert.Equal(
            [
                new AccountRefresh.Account("32001647236051117660", "如皋市财政局", 1, "0105", "中国建设银行如皋支行", 1),
                new AccountRefresh.Account("32001647236051119999", "教育局监管户", 4, "0105", "中国建设银行如皋支行", 0),
            ],
            refresh.Accounts);
        Assert.Equal(refresh.ToVoucher(), voucher);
    }

    [Fact]
    public void An_empty_container_is_an_empty_full_refresh()
    {
        var voucher = VoucherPaths.ToVoucher([("SeqNo", "3"), ("FinanceNode", "F320682"), ("Regions", "")]);

        Assert.True(RegionRefresh.Parse(voucher).TryGetValue(out var refresh, out var error), error?.Information);
        Assert.Empty(refresh.Regions);
    }

    [Fact]
    public void Plain_names_stay_a_flat_voucher()
    {
        (string, string)[] fields = [("RefundNo", "T1"), ("Amt", "80.00"), ("Hold1", "")];

        Assert.Equal(Voucher.FromFields(fields), VoucherPaths.ToVoucher(fields));
        Assert.Equal(fields, VoucherPaths.ToFields(VoucherPaths.ToVoucher(fields)));
    }

    [Fact]
    public void An_empty_element_name_is_refused()
    {
        Assert.Throws<ArgumentException>(() => VoucherPaths.ToVoucher([("Accounts//AcctNo", "1")]));
    }

    [Property(MaxTest = 200)]
    public bool Any_account_refresh_survives_the_trip_through_path_fields(long seqNo, NonNull<string>[] names)
    {
        var accounts = names.Select((n, i) => new AccountRefresh.Account($"A{i}", n.Get, i % 7, "0105", n.Get, i % 2)).ToArray();
        var voucher = new AccountRefresh(seqNo & long.MaxValue, accounts).ToVoucher();

        return VoucherPaths.ToVoucher(VoucherPaths.ToFields(voucher)).Equals(voucher);
    }

    [Property(MaxTest = 200)]
    public bool Any_acknowledgement_with_errors_survives_the_trip_through_path_fields(NonNull<string>[] reasons)
    {
        var errors = reasons.Select((r, i) => new AccountRefreshAck.Error($"A{i}", "E" + (i % 3), r.Get)).ToArray();
        var voucher = new AccountRefreshAck(1, "00000", errors).ToVoucher();

        return VoucherPaths.ToVoucher(VoucherPaths.ToFields(voucher)).Equals(voucher);
    }
}
