namespace NonTax.Grains.Abstractions.Notices;

/// <summary>
/// Refund numbers (RefundNo): a letter, the 20-digit payment code, then the notice's sequence of
/// that kind in two digits — "T" for technical refunds of duplicates, "B" for business refunds
/// (业务性退付). The notice grain numbers its refunds; the edge finds the notice of a 2617 from the
/// number, so both read the format here.
/// </summary>
public static class RefundNumbers
{
    public const char TechnicalPrefix = 'T';
    public const char BusinessPrefix = 'B';

    /// <summary>The number of the notice's <paramref name="sequence"/>-th technical refund (from 1).</summary>
    public static string For(string payCode, int sequence) => $"{TechnicalPrefix}{payCode}{sequence:D2}";

    /// <summary>The number of the notice's <paramref name="sequence"/>-th business refund (from 1).</summary>
    public static string ForBusiness(string payCode, int sequence) => $"{BusinessPrefix}{payCode}{sequence:D2}";

    /// <summary>The payment code a refund number belongs to.</summary>
    public static string PayCodeOf(string refundNo) => refundNo.Substring(1, 20);

    /// <summary>Whether <paramref name="refundNo"/> has the shape of a number this finance node gives (either kind).</summary>
    public static bool IsWellFormed(string? refundNo) =>
        refundNo is { Length: 23 }
        && refundNo[0] is TechnicalPrefix or BusinessPrefix
        && refundNo.AsSpan(1).ContainsAnyExceptInRange('0', '9') is false;

    /// <summary>Whether a well-formed number is a business refund's.</summary>
    public static bool IsBusiness(string refundNo) => refundNo.Length > 0 && refundNo[0] == BusinessPrefix;
}
