namespace NonTax.EBills.Document;

/// <summary>
/// The rules a bill face must meet before anyone signs it, whoever built it (our exchange or a
/// unit system's 8981): codes and lengths of the e-bill format, 1–999 item lines that add up to
/// the total, and the sign rule of blue and red-letter bills.
/// </summary>
public static class EInvoiceContentRules
{
    public const int MaxItems = 999;

    /// <summary>Every broken rule, in words; empty when the content is acceptable.</summary>
    public static IReadOnlyList<string> Check(EInvoiceContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = new List<string>();
        Digits(errors, "EInvoiceCode", content.BillCode, 8);
        Digits(errors, "EInvoiceNumber", content.BillNumber, 10);
        Digits(errors, "SupervisorAreaCode", content.SupervisorAreaCode, 6);
        if (!BillCheckCode.IsWellFormed(content.CheckCode))
        {
            errors.Add("RandomNumber: six lower-case letters or digits");
        }

        Length(errors, "EInvoiceName", content.Name, 1, 100);
        Length(errors, "EInvoiceSpecimenCode", content.SpecimenCode, 1, 10);
        Length(errors, "InvoicingPartyCode", content.InvoicingParty.Code, 1, 30);
        Length(errors, "InvoicingPartyName", content.InvoicingParty.Name, 1, 100);
        Length(errors, "PayerPartyName", content.PayerParty.Name, 1, 100);
        if (content.PayerParty.Code is { } payerCode)
        {
            Length(errors, "PayerPartyCode", payerCode, 1, 30);
        }

        if (!Enum.IsDefined(content.PayerParty.Type))
        {
            errors.Add("PayerPartyType: 1 (person) or 2 (organisation)");
        }

        Length(errors, "HandlingPerson", content.HandlingPerson, 1, 20);
        Length(errors, "Checker", content.Checker, 1, 20);
        if (content.PayCode is { } payCode)
        {
            Length(errors, "PayCode", payCode, 1, 20);
        }

        if (content.Related is { } related)
        {
            Digits(errors, "RelatedInvoiceCode", related.Code, 8);
            Digits(errors, "RelatedInvoiceNumber", related.Number, 10);
        }

        if (content.Items.Count is < 1 or > MaxItems)
        {
            errors.Add($"Details: 1 to {MaxItems} items");
        }

        foreach (var item in content.Items)
        {
            Length(errors, "ItemCode", item.Code, 1, 30);
            Length(errors, "ItemName", item.Name, 1, 100);
            if (decimal.Round(item.Amount, 2) != item.Amount)
            {
                errors.Add($"ItemAmount {item.Amount}: at most two decimals");
            }

            if (content.IsRedLetter ? item.Amount >= 0 : item.Amount <= 0)
            {
                errors.Add($"ItemAmount {item.Amount}: {(content.IsRedLetter ? "negative on a red-letter bill" : "positive on a bill")}");
            }
        }

        if (content.Items.Count > 0 && content.Items.Sum(i => i.Amount) != content.TotalAmount)
        {
            errors.Add($"TotalAmount {content.TotalAmount}: the items add up to {content.Items.Sum(i => i.Amount)}");
        }

        return errors;
    }

    private static void Digits(List<string> errors, string field, string value, int length)
    {
        if (value.Length != length || !value.All(char.IsAsciiDigit))
        {
            errors.Add($"{field}: {length} digits");
        }
    }

    private static void Length(List<string> errors, string field, string value, int min, int max)
    {
        if (value.Length < min || value.Length > max)
        {
            errors.Add($"{field}: {min} to {max} characters");
        }
    }
}
