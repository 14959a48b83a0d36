using FsCheck;
using FsCheck.Fluent;
using NonTax.Protocol.Vouchers.MoneyFlow;

namespace NonTax.Protocol.Tests.Support;

/// <summary>Valid money-flow vouchers (2613, 2615, 2616, 2619, 5614, 2614, 5618, 2618): totals agree, keys unique, amounts positive.</summary>
internal static class MoneyFlowGenerators
{
    public static Gen<decimal> PositiveAmount => Generators.Amount.Select(a => a + 0.01m);

    private static Gen<string[]> UniqueKeys(int count) =>
        Gen.ArrayOf(Generators.Ascii(1, 40), count).Where(keys => keys.Distinct(StringComparer.Ordinal).Count() == keys.Length);

    public static Gen<InterBankTransfer> InterBankTransfer =>
        from count in Gen.Choose(0, 5)
        from keys in UniqueKeys(count)
        from rows in Gen.ArrayOf(
            from pay in Generators.Digits(10, 30)
            from rec in Generators.Digits(10, 30)
            from amt in PositiveAmount
            from name in Generators.GbText(0, 100)
            where pay != rec
            select (pay, rec, amt, name), count)
        from date in Generators.Date
        let details = keys.Zip(rows, (k, r) => new InterBankTransfer.Detail(k, r.pay, r.rec, r.amt, r.name, "", "105100000017", "", "")).ToArray()
        select new InterBankTransfer(date, "0105", details.Length, details.Sum(d => d.Amt), details);

    public static Gen<Arrival> Arrival =>
        from count in Gen.Choose(0, 5)
        from keys in UniqueKeys(count)
        from rows in Gen.ArrayOf(
            from rec in Generators.Digits(10, 30)
            from amt in PositiveAmount
            from clearNo in Gen.Elements("", "CL20251101D3206820105")
            select (rec, amt, clearNo), count)
        from date in Generators.Date
        let details = keys.Zip(rows, (k, r) => new Arrival.Detail(k, r.rec, r.amt, "6222000011112222", "", "", "", r.clearNo)).ToArray()
        select new Arrival(date, "0103", details.Length, details.Sum(d => d.Amt), details);

    public static Gen<VirtualAccountArrival> VirtualAccountArrival =>
        from count in Gen.Choose(0, 5)
        from keys in UniqueKeys(count)
        from rows in Gen.ArrayOf(
            from virtualAcct in Generators.Digits(10, 30)
            from amt in PositiveAmount
            from payCode in Gen.OneOf(Gen.Constant(""), Generators.Digits(20, 20))
            from payer in Generators.GbText(0, 100)
            select (virtualAcct, amt, payCode, payer), count)
        from date in Generators.Date
        let details = keys.Zip(rows, (k, r) => new VirtualAccountArrival.Detail(k, r.virtualAcct, "32001647236051117660", r.amt, r.payCode, "", r.payer)).ToArray()
        select new VirtualAccountArrival(date, "0105", details.Length, details.Sum(d => d.Amt), details);

    public static Gen<LateInTransitArrival> LateInTransitArrival =>
        from count in Gen.Choose(0, 5)
        from keys in UniqueKeys(count)
        from amounts in Gen.ArrayOf(PositiveAmount, count)
        from date in Generators.Date
        from late in Gen.Choose(1, 30)
        let details = keys.Zip(amounts, (k, a) => new LateInTransitArrival.Detail(k, "32001647236051117660", a, "T" + k, "")).ToArray()
        select new LateInTransitArrival(date.AddDays(late), date, "0105", details.Length, details.Sum(d => d.Amt), details);

    public static Gen<ClearingInstruction> ClearingInstruction =>
        from count in Gen.Choose(1, 6)
        from rows in Gen.ArrayOf(
            from rec in Generators.Digits(10, 30)
            from level in Gen.Choose(1, 5)
            from amt in PositiveAmount
            from name in Generators.GbText(1, 100)
            from fund in Gen.Elements("1", "2", "01")
            select (rec, level, amt, name, fund), count)
        from date in Generators.Date
        let details = rows.Select((r, i) => new ClearingInstruction.Detail(
            i + 1, "32001647236051117660", r.rec == "32001647236051117660" ? r.rec + "1" : r.rec, r.name, "103043211", r.fund, r.level, r.amt)).ToArray()
        select new ClearingInstruction("CL" + date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "D3206820105",
            date, "0105", details.Length, details.Sum(d => d.Amt), details);

    public static Gen<ClearingResult> ClearingResult =>
        from instruction in ClearingInstruction
        from failed in Gen.Elements(false, true)
        from exec in Generators.Date
        let details = instruction.Details.Select((d, i) => new ClearingResult.Detail(d.LineNo, failed && i == 0 ? "40001" : "00000", d.Amt, "TR" + d.LineNo)).ToArray()
        select new ClearingResult(instruction.ClearNo, instruction.ClearDate, failed ? "40001" : "00000", exec, details.Length, details.Sum(d => d.Amt), details,
            failed ? "账户状态异常" : "");

    public static Gen<RemittanceInstruction> RemittanceInstruction =>
        from type in Gen.Elements(1, 2)
        from count in Gen.Choose(1, 6)
        from rows in Gen.ArrayOf(
            from amt in PositiveAmount
            from payCode in Generators.Digits(20, 20)
            select (amt, payCode), count)
        from level in Gen.Choose(1, 5)
        from date in Generators.Date
        let details = rows.Select((r, i) => new RemittanceInstruction.Detail(i + 1, "103043211", "1030432", "1", r.amt, type == 1 ? r.payCode : "")).ToArray()
        select new RemittanceInstruction("RC" + date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "D3206820105" + level,
            type, date, "0105", "32001647236051117660", "3206820000", level, details.Length, details.Sum(d => d.Amt), details, "国家金库如皋市支库");

    public static Gen<RemittanceResult> RemittanceResult =>
        from instruction in RemittanceInstruction
        from ok in Gen.Elements(true, false)
        select new RemittanceResult(instruction.RemitNo, instruction.RemitType, ok ? "00000" : "40002", instruction.RemitDate, instruction.AllAmt,
            ok ? "TR0001" : "", ok ? "" : "国库账户不存在");
}
