namespace NonTax.Integration.Tests.Faults;

/// <summary>
/// One row of the fault table: the fault, when it was injected (seconds into the run), the
/// requests banks sent until the next fault, the confirmations acknowledged (00000/10006), those
/// lost (acknowledged, not stored once) and duplicated (stored twice, or a 10006 with two
/// refunds), requests answered with neither a result nor a reply (broken connection, timeout,
/// 99999), and the longest time a bank waited for an answer (and for what: message and result).
/// </summary>
public sealed record FaultWindow(string Fault, double AtSeconds, int Requests, int Acknowledged, int Unanswered, int Lost, int Duplicated, double MaxLatencyMs, string Slowest)
{
    public bool Held => Lost == 0 && Duplicated == 0;
}
