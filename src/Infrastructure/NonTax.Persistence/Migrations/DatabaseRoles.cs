namespace NonTax.Persistence.Migrations;

/// <summary>
/// The login role of each process (docs/operations.md "Database roles"). The schema belongs to the
/// owner role the migrator connects as; none of these may alter it. The silo's role reads and
/// writes what the grains and operator API need; the socket edge's only its peers, journal and
/// reconciliation files; the frontend's reads the projections and keeps its web accounts, and
/// never sees a peer's token ciphertext.
/// </summary>
/// <param name="Silo">The silo (and the test fixtures' application role): <c>nontax_app</c>.</param>
/// <param name="Edge">The socket edge: <c>nontax_edge</c>.</param>
/// <param name="Frontend">The web frontend: <c>nontax_frontend</c>.</param>
public sealed record DatabaseRoles(
    string Silo = DatabaseRoles.DefaultSilo,
    string Edge = DatabaseRoles.DefaultEdge,
    string Frontend = DatabaseRoles.DefaultFrontend)
{
    public const string DefaultSilo = "nontax_app";
    public const string DefaultEdge = "nontax_edge";
    public const string DefaultFrontend = "nontax_frontend";
}
