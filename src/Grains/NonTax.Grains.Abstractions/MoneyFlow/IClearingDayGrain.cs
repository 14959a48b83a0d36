namespace NonTax.Grains.Abstractions.MoneyFlow;

/// <summary>
/// Clearing of one clearing bank's business day (key <c>{bankNode}:{yyyyMMdd}</c>, see
/// <see cref="KeyOf"/>). Reminder-driven and idempotent: once the day is reconciled it computes the
/// instruction once, records it, hands the 5614 to the bank's link (same ClearNo and MsgID on every
/// retry) and records the bank's 2614.
/// </summary>
[Alias("clearing.IClearingDayGrain")]
public interface IClearingDayGrain : IGrainWithStringKey
{
    /// <summary>Tries to clear now; a day already instructed only makes sure its 5614 was handed over.</summary>
    [Alias("Run")]
    Task<ClearingDayView> Run();

    /// <summary>The bank's 2614: a result code for the 5001 (00000, 20001 wrong rows, 20004 another bank, 20003 a different result for a recorded one).</summary>
    [Alias("RecordResult")]
    Task<(string Result, string Information)> RecordResult(ClearingOutcome result, string senderNode, string msgId);

    [Alias("GetView")]
    Task<ClearingDayView> GetView();

    /// <summary>The grain key of a bank's day.</summary>
    static string KeyOf(string bankNode, DateOnly day) => $"{bankNode}:{day:yyyyMMdd}";

    /// <summary>ClearNo of a bank's day: CL + yyyyMMdd + node code.</summary>
    static string ClearNoOf(string bankNode, DateOnly day) => $"CL{day:yyyyMMdd}{bankNode}";

    /// <summary>The grain key a ClearNo belongs to, or null when it is not one of ours.</summary>
    static string? KeyOfClearNo(string clearNo) =>
        clearNo.Length > 10 && clearNo.StartsWith("CL", StringComparison.Ordinal)
            && DateOnly.TryParseExact(clearNo[2..10], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)
            ? $"{clearNo[10..]}:{clearNo[2..10]}"
            : null;
}
