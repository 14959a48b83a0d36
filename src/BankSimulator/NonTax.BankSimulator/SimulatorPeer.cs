namespace NonTax.BankSimulator;

/// <summary>A peer the simulator plays: its node code, token and the port its own server listens on.</summary>
public sealed record SimulatorPeer(string NodeCode, string Name, string Token, string? EndpointHost, int? EndpointPort)
{
    /// <summary>The token can change at run time (2003); the simulator keeps the one in force here.</summary>
    public string Token { get; set; } = Token;
}
