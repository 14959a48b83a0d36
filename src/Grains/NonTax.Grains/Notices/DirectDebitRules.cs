using NonTax.Grains.Abstractions.Notices;
using NonTax.Protocol.Nodes;

namespace NonTax.Grains.Notices;

/// <summary>The form of a direct debit request, checked before the notice starts anything (the 5604's field limits).</summary>
internal static class DirectDebitRules
{
    public static string? Invalid(DirectDebitRequest request)
    {
        if (!NodeCode.IsPeerCode(request.Bank) || request.Bank[0] != 'D')
        {
            return "Bank: an agent bank's node code (D…)";
        }

        if (string.IsNullOrWhiteSpace(request.PayerName) || request.PayerName.Trim().Length > 100)
        {
            return "PayerName: 1–100 characters";
        }

        if (string.IsNullOrWhiteSpace(request.PayerAcct) || request.PayerAcct.Trim().Length > 50)
        {
            return "PayerAcct: 1–50 characters";
        }

        if (string.IsNullOrWhiteSpace(request.AuthNo) || request.AuthNo.Trim().Length > 50)
        {
            return "AuthNo: the payer's authorisation number, 1–50 characters";
        }

        if (request.PayerOpBk is { Length: > 100 })
        {
            return "PayerOpBk: at most 100 characters";
        }

        return string.IsNullOrWhiteSpace(request.OperatorName) ? "OperatorName: required" : null;
    }
}
