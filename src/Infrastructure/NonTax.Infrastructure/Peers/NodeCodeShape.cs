namespace NonTax.Infrastructure.Peers;

/// <summary>The shapes of node codes in CNNONTAX HEAD/SRC and HEAD/DES (spec/domain.md "Codes").</summary>
public static class NodeCodeShape
{
    /// <summary>D or Q + region(6) + bank(4); K + region(6) + platform(4); or the platform G000001.</summary>
    public static bool IsPeerNodeCode(string code) =>
        code == "G000001"
        || (code.Length == 11 && (code[0] is 'D' or 'Q' or 'K') && code.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0);

    /// <summary>F + region(6).</summary>
    public static bool IsFinanceNodeCode(string code) =>
        code.Length == 7 && code[0] == 'F' && code.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;
}
