namespace NonTax.Grains.Abstractions.Items;

/// <summary>An income item (收入项目) mapped to its national identification code.</summary>
/// <param name="ItemCode">The item's own code, e.g. 103043211 (the grain key).</param>
/// <param name="NationalItemCode">12-digit 执收项目识别码: region (4) + sequence (8).</param>
/// <param name="PaymentPeriodDays">Calendar days from issue to due date (default 10).</param>
/// <param name="LateFeeDailyRate">Daily late-fee rate on the notice amount (0 = no late fee).</param>
/// <param name="GraceDays">Days past the due date a notice is still payable (with late fee); after that it expires.</param>
[GenerateSerializer, Immutable]
public sealed record IncomeItemDefinition(
    [property: Id(0)] string ItemCode,
    [property: Id(1)] string NationalItemCode,
    [property: Id(2)] string Name,
    [property: Id(3)] string UnitOfMeasure,
    [property: Id(4)] ChargingStandard Standard,
    [property: Id(5)] string FundType,
    [property: Id(6)] string BudgetSubject,
    [property: Id(7)] int PaymentPeriodDays = 10,
    [property: Id(8)] decimal LateFeeDailyRate = 0,
    [property: Id(9)] int GraceDays = 0);
