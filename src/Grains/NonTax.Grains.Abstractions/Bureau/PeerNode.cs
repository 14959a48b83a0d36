namespace NonTax.Grains.Abstractions.Bureau;

/// <summary>
/// A peer node that talks CNNONTAX with this finance node: agent bank (D), clearing bank (Q),
/// public payment platform (G) or unit platform (K). Tokens and endpoints are not base data.
/// </summary>
/// <param name="ActsForUnits">For a K node, the collecting units it may act for.</param>
[GenerateSerializer, Immutable]
public sealed record PeerNode(
    [property: Id(0)] string NodeCode,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> ActsForUnits)
{
    /// <summary>D, Q, G or K.</summary>
    public char Kind => NodeCode[0];
}
