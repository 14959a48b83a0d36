using NonTax.Grains.Abstractions.MoneyFlow;
using NonTax.Protocol.Vouchers.MoneyFlow;

namespace NonTax.Grains.MoneyFlow;

/// <summary>What makes a clearing rule usable: every cent has exactly one place to go.</summary>
public static class ClearingRuleCheck
{
    /// <summary>Null when valid; otherwise what is wrong, for the operator.</summary>
    public static string? Problem(ClearingRule rule)
    {
        if (rule is null)
        {
            return "a rule is required";
        }

        if (string.IsNullOrWhiteSpace(rule.ItemCode) || rule.ItemCode.Length > 30)
        {
            return "itemCode: 1 to 30 characters";
        }

        if (string.IsNullOrWhiteSpace(rule.FundType) || rule.FundType.Length > 10)
        {
            return "fundType: 1 to 10 characters";
        }

        if (rule.RemitMode is not (ClearingRule.DirectRemittance or ClearingRule.CentralRemittance))
        {
            return "remitMode: 1 (direct) or 2 (central)";
        }

        if (rule.Shares is null || rule.Shares.Count == 0)
        {
            return "shares: at least one";
        }

        for (var i = 0; i < rule.Shares.Count; i++)
        {
            var share = rule.Shares[i];
            if (!BudgetLevels.IsValid(share.BudgetLevel))
            {
                return $"shares[{i}].budgetLevel: 1 (central) to 5 (township)";
            }

            if (string.IsNullOrWhiteSpace(share.AccountNo) || share.AccountNo.Length > 50)
            {
                return $"shares[{i}].accountNo: 1 to 50 characters";
            }

            if (string.IsNullOrWhiteSpace(share.AccountName))
            {
                return $"shares[{i}].accountName: required";
            }

            if (share.Ratio <= 0 || share.Ratio > 1 || decimal.Round(share.Ratio, 6) != share.Ratio)
            {
                return $"shares[{i}].ratio: greater than 0, at most 1, at most six decimals";
            }
        }

        if (rule.Shares.Select(s => s.AccountNo).Distinct(StringComparer.Ordinal).Count() != rule.Shares.Count)
        {
            return "shares: an account appears twice";
        }

        if (rule.Shares.Sum(s => s.Ratio) != 1m)
        {
            return $"shares: the ratios add up to {rule.Shares.Sum(s => s.Ratio)}, not 1";
        }

        return rule.Shares.Any(s => s.AccountNo == rule.RemainderAccountNo)
            ? null
            : "remainderAccountNo: must be one of the shares' accounts";
    }
}
