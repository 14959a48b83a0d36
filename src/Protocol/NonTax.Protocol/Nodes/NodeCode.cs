using System.Diagnostics.CodeAnalysis;

namespace NonTax.Protocol.Nodes;

/// <summary>A parsed <c>SRC</c>/<c>DES</c> node code.</summary>
/// <param name="Value">The code as written, e.g. <c>D3206820105</c>.</param>
/// <param name="Kind">The node kind.</param>
/// <param name="Region">Six-digit region (<c>000001</c> for the public payment platform's number).</param>
/// <param name="Number">Four-digit bank or platform number; empty for finance and the public platform.</param>
public sealed record NodeCode(string Value, NodeKind Kind, string Region, string Number)
{
    /// <summary>The public payment platform's code.</summary>
    public const string PublicPaymentPlatformCode = "G000001";

    /// <summary>True for agent and clearing banks (<c>D</c>, <c>Q</c>).</summary>
    public bool IsBank => Kind is NodeKind.AgentBank or NodeKind.ClearingBank;

    /// <summary>A node that talks to a finance node: a bank, the public payment platform or a unit platform.</summary>
    public bool IsPeer => Kind != NodeKind.Finance;

    /// <summary>Whether <paramref name="value"/> is the code of a bank, the platform or a unit platform.</summary>
    public static bool IsPeerCode([NotNullWhen(true)] string? value) => TryParse(value, out var code) && code.IsPeer;

    /// <summary>Whether <paramref name="value"/> is a finance node's code (F + 6-digit region).</summary>
    public static bool IsFinanceCode([NotNullWhen(true)] string? value) => TryParse(value, out var code) && code.Kind == NodeKind.Finance;

    /// <summary>
    /// The kind of node <paramref name="value"/> names, or null when it fits none of the five shapes.
    /// The one place a kind is derived from a code: its first letter decides only together with the shape.
    /// </summary>
    public static NodeKind? KindOf(string? value) => TryParse(value, out var code) ? code.Kind : null;

    /// <summary>Parses a node code; false when it fits none of the five shapes.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out NodeCode? code)
    {
        code = null;
        if (value is null || value.Length < 7 || value.AsSpan(1).ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var region = value.Substring(1, 6);
        code = (value[0], value.Length) switch
        {
            ('F', 7) => new NodeCode(value, NodeKind.Finance, region, ""),
            ('G', 7) when value == PublicPaymentPlatformCode => new NodeCode(value, NodeKind.PublicPaymentPlatform, "", ""),
            ('D', 11) => new NodeCode(value, NodeKind.AgentBank, region, value[7..]),
            ('Q', 11) => new NodeCode(value, NodeKind.ClearingBank, region, value[7..]),
            ('K', 11) => new NodeCode(value, NodeKind.UnitPlatform, region, value[7..]),
            _ => null,
        };
        return code is not null;
    }

    /// <summary>Parses a node code.</summary>
    /// <exception cref="FormatException">Not a node code.</exception>
    public static NodeCode Parse(string value) =>
        TryParse(value, out var code) ? code : throw new FormatException($"'{value}' is not a node code (F+6, G000001, D/Q/K+6+4 digits).");

    /// <inheritdoc />
    public override string ToString() => Value;
}
