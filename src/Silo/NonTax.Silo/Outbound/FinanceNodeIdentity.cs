using System.Globalization;
using NonTax.Protocol.Nodes;
using NonTax.Protocol.Time;

namespace NonTax.Silo.Outbound;

/// <summary>This finance node's code (F + region) as configured in <c>FinanceNode:Code</c>, and its business date (<see cref="ChinaTime"/>).</summary>
public sealed class FinanceNodeIdentity(string code)
{
    public string Code { get; } = NodeCode.IsFinanceCode(code)
        ? code
        : throw new ArgumentException($"'{code}' is not a finance node code (F + 6-digit region).", nameof(code));

    public string Region => Code[1..];

    public DateOnly Today(TimeProvider time) => ChinaTime.Today(time);

    public override string ToString() => Code.ToString(CultureInfo.InvariantCulture);
}
