using System.Globalization;
using System.Security.Cryptography;
using NonTax.Protocol;
using NonTax.Protocol.Envelope;
using NonTax.Protocol.Framing;
using NonTax.Protocol.Transport;
using NonTax.Protocol.Vouchers;

namespace NonTax.BankSimulator;

/// <summary>
/// The bank's sending side: builds a CNNONTAX request as a bank would, sends it to the finance
/// node's socket edge on a short connection and returns what came back.
/// </summary>
public sealed class FinanceClient(string host, int port, string financeNode, TimeProvider? time = null)
{
    private static long s_msgSequence = RandomNumberGenerator.GetInt32(0, 1_000_000);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public string FinanceNode => financeNode;

    public string Host => host;

    public int Port => port;

    /// <summary>
    /// A 20-digit MsgID: China-time timestamp and six digits, as banks' ids look. The six digits
    /// count on from a random start shared by every client of the process, so ids never repeat
    /// within a second (random digits alone collide: 40 concurrent ids repeat about once in 1,300 runs).
    /// </summary>
    public string NewMsgId() =>
        _time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
        + (Interlocked.Increment(ref s_msgSequence) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    public DateOnly Today() => DateOnly.FromDateTime(_time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    /// <summary>
    /// Builds the signed frame without sending it (tests corrupt it on purpose). Path names
    /// (<c>Errors/Error/AcctNo</c>) become repeated groups, see <see cref="VoucherPaths"/>.
    /// </summary>
    public byte[] BuildFrame(SimulatorPeer peer, string msgNo, IReadOnlyList<(string Name, string Value)> fields, string msgId, string? msgRef = null, string? signingToken = null)
    {
        var today = Today();
        var head = new Head(peer.NodeCode, financeNode, msgNo, msgId, msgRef ?? msgId, today);
        var region = financeNode[1..];
        return CnnontaxCodec.Default.Encode(head, VoucherPaths.ToVoucher(fields), signingToken ?? peer.Token, region, "1");
    }

    public Task<ExchangeRecord> SendAsync(SimulatorPeer peer, string msgNo, IReadOnlyList<(string Name, string Value)> fields, string? msgId = null, string? msgRef = null, CancellationToken cancellationToken = default) =>
        SendFrameAsync(peer, msgNo, fields, BuildFrame(peer, msgNo, fields, msgId ??= NewMsgId(), msgRef), msgId, peer.Token, cancellationToken);

    /// <summary>Sends a prepared frame; the reply's MAC is checked against <paramref name="replyToken"/>.</summary>
    public async Task<ExchangeRecord> SendFrameAsync(SimulatorPeer peer, string msgNo, IReadOnlyList<(string Name, string Value)> fields, byte[] frame, string msgId, string replyToken, CancellationToken cancellationToken = default)
    {
        var reply = await ShortConnectionClient.ExchangeAsync(host, port, frame, cancellationToken);
        if (!CnnontaxCodec.Default.VerifyMac(reply, [replyToken]))
        {
            throw new IOException($"Reply {reply.MsgNo} to {msgNo} {msgId} does not verify with {peer.NodeCode}'s token.");
        }

        var decoded = CnnontaxCodec.Default.Decode(reply);
        if (decoded.Envelope is null)
        {
            throw new IOException($"Reply {reply.MsgNo} unreadable: {decoded.Error}");
        }

        return new ExchangeRecord("out", peer.NodeCode, msgNo, msgId, reply.MsgNo, fields, decoded.Envelope.First.Voucher.ToFields());
    }

    /// <summary>
    /// Sends raw bytes and returns the raw reply, or null when the edge closed the connection
    /// without sending a byte. Bytes that are not a whole, readable frame are an
    /// <see cref="IOException"/> naming what came: a test expecting "no reply" must not pass on a garbled one.
    /// </summary>
    public async Task<RawFrame?> SendRawAsync(byte[] bytes, CancellationToken cancellationToken = default)
    {
        using var client = new System.Net.Sockets.TcpClient { NoDelay = true };
        await client.ConnectAsync(host, port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(bytes, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        var received = new List<byte>();
        var buffer = new byte[8192];
        while (true)
        {
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, cancellationToken);
            }
            catch (IOException) when (received.Count == 0)
            {
                return null; // reset without a byte: no reply either
            }

            if (read == 0 && received.Count == 0)
            {
                return null;
            }

            received.AddRange(buffer.AsSpan(0, read));
            var result = FrameReader.Default.TryRead(received.ToArray());
            if (result.IsComplete)
            {
                return result.Frame;
            }

            if (read == 0 || result.Status == FrameReadStatus.Invalid)
            {
                throw new IOException($"unreadable reply of {received.Count} bytes ({result.Status}): {Convert.ToHexString([.. received.Take(64)])}");
            }
        }
    }
}
