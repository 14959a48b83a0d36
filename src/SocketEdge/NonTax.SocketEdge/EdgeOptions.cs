namespace NonTax.SocketEdge;

/// <summary>Configuration section <c>Edge</c>.</summary>
public sealed class EdgeOptions
{
    /// <summary>This finance node's code, from <c>FinanceNode:Code</c> (see <see cref="NonTax.Infrastructure.Hosting.FinanceNodeSetting"/>); a frame whose DES differs is refused 90003.</summary>
    public string FinanceNode { get; set; } = "F320682";

    /// <summary>TCP port banks and unit systems connect to.</summary>
    public int Port { get; set; } = 9100;

    /// <summary>HTTP port for health checks.</summary>
    public int HealthPort { get; set; } = 8081;

    /// <summary>Longest frame accepted (whole frame, as its length field counts it).</summary>
    public int MaxFrameBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>A connection that sends nothing for this long is closed.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The whole request must have arrived within this time of the first byte.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long processing one request may take before the edge answers 99999.</summary>
    public TimeSpan ProcessingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long after its first attempt an idempotent request (a confirmation, a query) may still be
    /// tried again when its silo was lost; long enough for membership to declare a killed silo dead
    /// (docs/operations.md "Cluster timeouts"), short enough that the bank has its answer within 10 s.
    /// </summary>
    public TimeSpan LostSiloRetryBudget { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>The first wait before trying again after a lost silo; it doubles up to <see cref="LostSiloRetryMaxDelay"/>.</summary>
    public TimeSpan LostSiloRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between two attempts after a lost silo.</summary>
    public TimeSpan LostSiloRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Bank connections open at once at most; more are closed at once without reading (a connection flood).</summary>
    public int MaxConnections { get; set; } = 1000;

    /// <summary>
    /// Connections open at once from one address at most (balancers excepted: they carry everyone),
    /// so one flooding or stalling sender cannot take every slot from the other peers.
    /// </summary>
    public int MaxConnectionsPerAddress { get; set; } = 64;

    /// <summary>Addresses of TCP load balancers that put a PROXY protocol header in front of each connection.</summary>
    public List<string> BalancerAddresses { get; set; } = [];

    /// <summary>After a 2003 token change the old token stays valid this long (the reply may have been lost).</summary>
    public TimeSpan TokenChangeGrace { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Stored replies for (SRC, MsgID) are kept at least this long.</summary>
    public TimeSpan ReplyRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often stored replies older than <see cref="ReplyRetention"/> are pruned.</summary>
    public TimeSpan ReplyPruneInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Where a payer pays a notice online; <c>{payCode}</c> is replaced. Returned to unit systems after 8994.</summary>
    public string PaymentPageUrl { get; set; } = "http://127.0.0.1:5000/pay/{payCode}";
}
