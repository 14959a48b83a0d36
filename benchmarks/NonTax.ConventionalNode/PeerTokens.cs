using System.Text.Json;

namespace NonTax.ConventionalNode;

/// <summary>The peers and tokens from the same sandbox peers file that seeds the system's registry.</summary>
public sealed class PeerTokens(IReadOnlyDictionary<string, string> tokens)
{
    private sealed record PeerEntry(string NodeCode, string Token);

    public static PeerTokens Read(string path)
    {
        var peers = JsonSerializer.Deserialize<List<PeerEntry>>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"{path} holds no peers");
        return new PeerTokens(peers.ToDictionary(p => p.NodeCode, p => p.Token, StringComparer.Ordinal));
    }

    public string? TokenOf(string nodeCode) => tokens.GetValueOrDefault(nodeCode);
}
