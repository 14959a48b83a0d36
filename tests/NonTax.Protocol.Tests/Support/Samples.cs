using NonTax.Protocol.Envelope;

namespace NonTax.Protocol.Tests.Support;

/// <summary>Fixed values shared by tests.</summary>
internal static class Samples
{
    public const string Token = "0123456789ABCDEF0123456789abcdef";

    public const string OtherToken = "ZYXWVUTSRQPONMLKJIHGFEDCBA987654";

    public static Head Head(string msgNo) =>
        NonTax.Protocol.Envelope.Head.Request("D3206820105", "F320682", msgNo, "25110100000000000001", new DateOnly(2025, 11, 1));
}
