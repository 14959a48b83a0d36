namespace NonTax.SocketEdge.Transport;

/// <summary>
/// PP2_TYPE_SSL (0x20) of a PROXY v2 header: the balancer terminated TLS and says how.
/// </summary>
/// <param name="Client">Bit field: 0x01 PP2_CLIENT_SSL, 0x02 client certificate on this connection, 0x04 on this session.</param>
/// <param name="Verify">0 when the client presented a certificate that verified.</param>
/// <param name="Version">PP2_SUBTYPE_SSL_VERSION (0x21), e.g. "TLSv1.3".</param>
/// <param name="CommonName">PP2_SUBTYPE_SSL_CN (0x22): the client certificate's subject CN.</param>
/// <param name="Cipher">PP2_SUBTYPE_SSL_CIPHER (0x23).</param>
public sealed record ProxySslInfo(byte Client, uint Verify, string? Version, string? CommonName, string? Cipher)
{
    public bool ClientCertificateVerified => (Client & 0x01) != 0 && (Client & 0x06) != 0 && Verify == 0;
}
