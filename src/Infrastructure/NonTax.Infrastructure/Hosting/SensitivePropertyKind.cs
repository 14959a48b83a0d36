namespace NonTax.Infrastructure.Hosting;

/// <summary>How a log property is treated, judged by its name alone.</summary>
public enum SensitivePropertyKind
{
    /// <summary>No rule by name; string values are still scanned for sensitive patterns.</summary>
    Ordinary,

    /// <summary>A reference staff search logs by (MsgId, PayCode, MsgNo, UnitCode…): shown as is.</summary>
    Reference,

    /// <summary>A personal or account identifier (account, phone, ID number, credit code): first 3 and last 4 kept.</summary>
    Identifier,

    /// <summary>A secret (token, password, key): never shown at all.</summary>
    Secret,
}
