using System.Globalization;

namespace NonTax.Grains.Abstractions.Reconciliation;

/// <summary>
/// A bank's business day of reconciliation (对账日): the key of <see cref="IReconciliationDayGrain"/>,
/// "{bank node}:{yyyyMMdd}" (e.g. <c>D3206820105:20261201</c>).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("reconciliation.day")]
public sealed record ReconciliationDay([property: Id(0)] string BankNode, [property: Id(1)] DateOnly BusinessDay)
{
    public string Key => $"{BankNode}:{BusinessDay.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    public static ReconciliationDay Parse(string key)
    {
        var separator = key.LastIndexOf(':');
        if (separator <= 0 || !DateOnly.TryParseExact(key.AsSpan(separator + 1), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new FormatException($"'{key}' is not a reconciliation day key (bank:yyyyMMdd).");
        }

        return new ReconciliationDay(key[..separator], day);
    }

    public override string ToString() => Key;
}
