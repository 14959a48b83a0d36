namespace NonTax.Infrastructure.Alerts;

/// <summary>
/// The HTTP SMS gateway (configuration section <c>Sms</c>; docs/operations.md "Alerts and SMS").
/// The password is a secret: set it only in the environment (<c>Sms__Password</c>), never in a file.
/// </summary>
public sealed class SmsGatewayOptions
{
    /// <summary>The gateway's send URL; empty means SMS are not sent (each attempt fails and is retried later).</summary>
    public string Url { get; set; } = "";

    public string Account { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>Signature the gateway puts in front of the text (e.g. 【如皋市财政局】).</summary>
    public string Signature { get; set; } = "";

    /// <summary>One HTTP attempt's time limit.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Immediate retries of a transient failure (network, timeout, 408, 429, 5xx) within one send.</summary>
    public int Retries { get; set; } = 2;

    /// <summary>First retry's wait, doubled after each (with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
