namespace NonTax.Infrastructure.Peers;

/// <summary>What kind of node a peer is; the first letter of its node code says it.</summary>
public enum PeerKind
{
    /// <summary>代理银行, node code D + region(6) + bank(4).</summary>
    AgentBank,

    /// <summary>清分银行, node code Q + region(6) + bank(4).</summary>
    ClearingBank,

    /// <summary>统一公共支付平台, node code G000001.</summary>
    PaymentPlatform,

    /// <summary>单位自建系统, node code K + region(6) + platform(4).</summary>
    UnitPlatform,
}
