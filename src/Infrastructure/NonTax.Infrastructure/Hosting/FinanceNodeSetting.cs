using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace NonTax.Infrastructure.Hosting;

/// <summary>
/// This finance node's code (F + region), configured once as <c>FinanceNode:Code</c> for the
/// silo and the socket edge alike. The edge's former key <c>Edge:FinanceNode</c> is still read
/// when the new one is absent, with a warning, so deployed configurations keep working.
/// </summary>
public static class FinanceNodeSetting
{
    public const string Key = "FinanceNode:Code";
    public const string ObsoleteEdgeKey = "Edge:FinanceNode";
    public const string Default = "F320682";

    public static string Read(IConfiguration configuration, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[Key] is { Length: > 0 } code)
        {
            return code;
        }

        if (configuration[ObsoleteEdgeKey] is { Length: > 0 } obsolete)
        {
            logger.LogWarning("Configuration key {ObsoleteKey} is obsolete; set {Key} (read by silo and edge) instead", ObsoleteEdgeKey, Key);
            return obsolete;
        }

        return Default;
    }
}
