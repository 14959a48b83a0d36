using System.Text.Json;

namespace NonTax.BankSimulator;

/// <summary>Reads the sandbox peers file the run script wrote (the same file that seeded the finance node's registry).</summary>
public static class PeerFile
{
    public static IReadOnlyList<SimulatorPeer> Read(string path) =>
        JsonSerializer.Deserialize<List<SimulatorPeer>>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
        ?? throw new InvalidOperationException($"{path} holds no peers.");
}
