using System.Text.Json;

namespace NonTax.Infrastructure.Peers;

/// <summary>
/// Reads the sandbox peers file (node codes, names, tokens, endpoints) and registers each peer
/// that is absent. The file lives in the local state folder, written with random tokens by the
/// run script on first start; it is never committed. A bad row (a token outside 8–64 printable
/// ASCII characters, an unknown node code, a field of the wrong type…) is reported and skipped:
/// one bad row must not keep the other peers out.
/// </summary>
public static class SandboxPeerFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PeerFileContents Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <exception cref="InvalidOperationException">The file is not a JSON array of peers at all.</exception>
    public static PeerFileContents Read(Stream stream, string name)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException invalid)
        {
            throw new InvalidOperationException($"{name} is not JSON: {invalid.Message}", invalid);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidOperationException($"{name} must hold a JSON array of peers.");
            }

            var peers = new List<PeerDefinition>();
            var rejected = new List<PeerFileRejection>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var row = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                row++;
                var nodeCode = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("nodeCode", out var code) && code.ValueKind == JsonValueKind.String
                    ? code.GetString()
                    : null;
                PeerDefinition? definition;
                try
                {
                    definition = element.Deserialize<PeerDefinition>(Options);
                }
                catch (JsonException invalid)
                {
                    // The message names the field, never its value, so a token does not reach the log.
                    rejected.Add(new PeerFileRejection(row, nodeCode, $"not a peer: {invalid.Path} {FirstSentence(invalid.Message)}"));
                    continue;
                }

                if (definition is null)
                {
                    rejected.Add(new PeerFileRejection(row, nodeCode, "not a peer: null"));
                    continue;
                }

                var errors = definition.Validate();
                if (errors.Count > 0)
                {
                    rejected.Add(new PeerFileRejection(row, nodeCode, string.Join("; ", errors)));
                }
                else if (!seen.Add(definition.NodeCode))
                {
                    rejected.Add(new PeerFileRejection(row, nodeCode, "node code given twice in the file; the first row is kept"));
                }
                else
                {
                    peers.Add(definition);
                }
            }

            return new PeerFileContents(peers, rejected);
        }
    }

    /// <summary>Registers each usable peer of the file that is absent; reports the rows skipped.</summary>
    public static async Task<PeerSeedReport> SeedAbsentAsync(PeerRegistry registry, string path, CancellationToken cancellationToken)
    {
        var contents = Read(path);
        var added = new List<string>();
        foreach (var definition in contents.Peers)
        {
            if (await registry.AddIfAbsentAsync(definition, "sandbox-seed", cancellationToken))
            {
                added.Add(definition.NodeCode);
            }
        }

        return new PeerSeedReport(added, contents.Rejected);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
