using System.Text.Json;

namespace NonTax.Infrastructure.Peers;

/// <summary>
/// Reads the sandbox peers file (node codes, names, tokens, endpoints) and registers each peer
/// that is absent. The file lives in the local state folder, written with random tokens by the
/// run script on first start; it is never committed.
/// </summary>
public static class SandboxPeerFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<PeerDefinition> Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<List<PeerDefinition>>(stream, Options)
            ?? throw new InvalidOperationException($"{path} holds no peers.");
    }

    /// <returns>The node codes that were added (absent before).</returns>
    public static async Task<IReadOnlyList<string>> SeedAbsentAsync(PeerRegistry registry, string path, CancellationToken cancellationToken)
    {
        var added = new List<string>();
        foreach (var definition in Read(path))
        {
            if (await registry.AddIfAbsentAsync(definition, "sandbox-seed", cancellationToken))
            {
                added.Add(definition.NodeCode);
            }
        }

        return added;
    }
}
