using System.Globalization;

namespace NonTax.Grains.Abstractions.MoneyFlow;

/// <summary>
/// Remittance (缴库/缴户) of one bank's business day (key <c>{bankNode}:{yyyyMMdd}</c>, see
/// <see cref="KeyOf"/>). Reminder-driven and idempotent: once the day is cleared it computes the
/// day's 5618s once (central ones for the items remitted in batches, one per payment and budget
/// level for the items remitted directly), records them in SQL, hands them to the bank's link
/// (same RemitNo and MsgID on every retry) and records each 2618.
/// </summary>
[Alias("remittance.IRemittanceDayGrain")]
public interface IRemittanceDayGrain : IGrainWithStringKey
{
    /// <summary>Tries to go on now: compute what is not computed yet, hand over what is not handed over, alert when results are overdue.</summary>
    [Alias("Run")]
    Task<RemittanceDayView> Run();

    /// <summary>The bank's 2618: a result code for the 5001 (00000, 20001 unknown RemitNo or wrong amount, 20004 another bank, 20003 a different result for a recorded one).</summary>
    [Alias("RecordResult")]
    Task<(string Result, string Information)> RecordResult(RemittanceOutcome result, string senderNode, string msgId);

    [Alias("GetView")]
    Task<RemittanceDayView> GetView();

    /// <summary>
    /// Finance re-sends a 5618 the bank refused (its 2618 not 00000) once the cause is fixed: a new
    /// instruction with the same content and a new RemitNo (docs/protocol.md, 5618). Exactly once:
    /// asking again answers the same successor and sends nothing more.
    /// </summary>
    [Alias("Resend")]
    Task<RemittanceResendOutcome> Resend(string remitNo, string operatorName);

    /// <summary>The grain key of a bank's day.</summary>
    static string KeyOf(string bankNode, DateOnly day) => $"{bankNode}:{day:yyyyMMdd}";

    /// <summary>RemitNo of a central remittance: RC + yyyyMMdd + bank node + its number in the day (2 digits).</summary>
    static string CentralRemitNo(string bankNode, DateOnly day, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"RC{day:yyyyMMdd}{bankNode}{sequence:D2}");

    /// <summary>RemitNo of a direct remittance: RD + yyMMdd + payment code + its number for the payment (1 digit); at most 29 characters.</summary>
    static string DirectRemitNo(DateOnly day, string payCode, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"RD{day:yyMMdd}{payCode}{sequence}");

    /// <summary>
    /// The grain key a RemitNo reported by <paramref name="senderNode"/> belongs to, or null when
    /// it is not one of ours. A direct RemitNo carries the day but not the bank: the bank that
    /// reports it is the one it was sent to (the grain refuses it otherwise).
    /// </summary>
    static string? KeyOfRemitNo(string remitNo, string senderNode)
    {
        if (remitNo.Length > 12 && remitNo.StartsWith("RC", StringComparison.Ordinal)
            && DateOnly.TryParseExact(remitNo[2..10], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var central))
        {
            return KeyOf(remitNo[10..^2], central);
        }

        if (remitNo.Length == 29 && remitNo.StartsWith("RD", StringComparison.Ordinal)
            && DateOnly.TryParseExact(remitNo[2..8], "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var direct))
        {
            return KeyOf(senderNode, direct);
        }

        return null;
    }
}
