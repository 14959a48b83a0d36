using NonTax.Grains.Abstractions.Money;
using NonTax.Grains.Abstractions.Refunds;

namespace NonTax.Grains.Notices;

/// <summary>The form of a business refund application, checked before the notice looks at its money.</summary>
internal static class BusinessRefundRules
{
    /// <summary>The 5617's Reason is GBString[0,200].</summary>
    public const int MaxReasonLength = 200;

    /// <summary>The unit's application numbers, like the protocol's business numbers, stay within 30 characters.</summary>
    public const int MaxApplicationNoLength = 30;

    /// <summary>What is wrong with the application's fields, or null when they are well formed.</summary>
    public static string? Invalid(RefundApplication application)
    {
        if (string.IsNullOrWhiteSpace(application.ApplicationNo) || application.ApplicationNo.Length > MaxApplicationNoLength
            || application.ApplicationNo.Trim() != application.ApplicationNo)
        {
            return $"ApplicationNo: 1–{MaxApplicationNoLength} characters without surrounding spaces";
        }

        if (!MoneyMath.IsValidAmount(application.Amount) || application.Amount <= 0)
        {
            return "Amount: positive, at most two decimals";
        }

        if (string.IsNullOrWhiteSpace(application.Reason) || application.Reason.Trim().Length > MaxReasonLength)
        {
            return $"Reason: 1–{MaxReasonLength} characters";
        }

        return string.IsNullOrWhiteSpace(application.OperatorName) ? "OperatorName: required" : null;
    }
}
