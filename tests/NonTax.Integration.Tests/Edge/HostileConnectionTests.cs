using System.Net;
using System.Net.Sockets;
using System.Text;
using NonTax.Integration.Tests.Fixtures;
using NonTax.SocketEdge.Transport;

namespace NonTax.Integration.Tests.Edge;

/// <summary>
/// Hostile senders over real TCP, each from an address of its own on the loopback network
/// (127.0.0.x) while an honest bank talks from 127.0.0.1: a slow-loris trickling a frame under the
/// idle limit is cut off by the whole-request deadline before the frame is complete, a flood of
/// idle connections gets no more than its per-address share, and XML bombs and external entities
/// are refused without a reply. Throughout, the honest bank keeps being answered 00000.
/// </summary>
public sealed class HostileConnectionTests(LimitedEdgeFixture system) : IClassFixture<LimitedEdgeFixture>
{
    private const string Bank = "D3206820105";

    private EdgeMetrics Metrics => system.EdgeServices.GetRequiredService<EdgeMetrics>();

    private async Task<Socket> ConnectFromAsync(string localAddress)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
        await socket.ConnectAsync(IPAddress.Loopback, system.EdgePort);
        return socket;
    }

    private async Task AssertHonestBankServedAsync(string info)
    {
        var reply = await system.Finance.SendAsync(system.Peer(Bank), "2002", [("Info", info)]);
        Assert.Equal("00000", reply.ReplyField("Result"));
    }

    /// <summary>Reads until the edge closes; true when it closed without sending a byte.</summary>
    private static async Task<bool> ClosedWithoutReplyAsync(Socket socket)
    {
        var buffer = new byte[256];
        try
        {
            return await socket.ReceiveAsync(buffer, SocketFlags.None) == 0;
        }
        catch (SocketException)
        {
            // Reset by the edge: closed, and nothing was read.
            return true;
        }
    }

    [Fact]
    public async Task A_slow_loris_is_cut_off_by_the_request_deadline_while_another_bank_is_served()
    {
        var frame = system.Finance.BuildFrame(system.Peer(Bank), "2002", [("Info", "slow")], system.Finance.NewMsgId());
        using var slow = new Sockets();
        for (var i = 0; i < LimitedEdgeFixture.PerAddress; i++)
        {
            slow.Add(await ConnectFromAsync("127.0.0.2"));
        }

        // One byte per second per connection: under the idle limit (2 s in the fixture), far from
        // a whole frame before the read deadline (5 s).
        var sent = new int[slow.Count];
        var closedByEdge = new bool[slow.Count];
        var trickle = slow.Select((socket, i) => Task.Run(async () =>
        {
            try
            {
                for (; sent[i] < frame.Length; sent[i]++)
                {
                    await socket.SendAsync(frame.AsMemory(sent[i], 1), SocketFlags.None);
                    await Task.Delay(TimeSpan.FromSeconds(1));
                    if (socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0)
                    {
                        closedByEdge[i] = true;
                        return;
                    }
                }
            }
            catch (SocketException)
            {
                closedByEdge[i] = true;
            }
        })).ToList();

        await AssertHonestBankServedAsync("while a slow-loris trickles");
        await Task.WhenAll(trickle);
        for (var i = 0; i < slow.Count; i++)
        {
            Assert.True(closedByEdge[i], $"slow connection {i} was never closed ({sent[i]} of {frame.Length} bytes sent)");
            Assert.True(sent[i] < frame.Length, $"slow connection {i} sent its whole frame");
            slow[i].Dispose();
        }

        await AssertHonestBankServedAsync("after the slow-loris");
    }

    [Fact]
    public async Task A_connection_flood_gets_its_share_and_no_more_while_another_bank_is_served()
    {
        var refusedBefore = Metrics.RefusedFor("connection-limit");
        const int Flood = 40;
        using var flood = new Sockets();
        var refused = 0;
        for (var i = 0; i < Flood; i++)
        {
            try
            {
                flood.Add(await ConnectFromAsync("127.0.0.3"));
            }
            catch (SocketException)
            {
                // Reset by the edge before the handshake finished on our side: refused too.
                refused++;
            }
        }

        // Beyond its share, every connection is closed at once without a byte read or written.
        foreach (var socket in flood.Skip(LimitedEdgeFixture.PerAddress))
        {
            refused += await ClosedWithoutReplyAsync(socket) ? 1 : 0;
        }

        Assert.Equal(Flood - LimitedEdgeFixture.PerAddress, refused);
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(Metrics.RefusedFor("connection-limit") - refusedBefore >= Flood - LimitedEdgeFixture.PerAddress)));
        await AssertHonestBankServedAsync("during a flood");

        // The flood's own slots come back once its connections end.
        foreach (var socket in flood)
        {
            socket.Dispose();
        }

        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            using var again = await ConnectFromAsync("127.0.0.3");
            var frame = system.Finance.BuildFrame(system.Peer(Bank), "2002", [("Info", "after the flood")], system.Finance.NewMsgId());
            await again.SendAsync(frame, SocketFlags.None);
            var buffer = new byte[64];
            return await again.ReceiveAsync(buffer, SocketFlags.None) > 0;
        }));
    }

    [Fact]
    public async Task A_slow_sender_whose_pauses_stay_under_the_idle_limit_is_answered()
    {
        // Three pieces a second apart: each pause under the idle limit (2 s in the fixture), the
        // whole frame well within the read deadline (5 s). A slow line is not an attack.
        var frame = system.Finance.BuildFrame(system.Peer(Bank), "2002", [("Info", "slow but honest")], system.Finance.NewMsgId());
        using var socket = await ConnectFromAsync("127.0.0.4");
        var piece = (frame.Length + 2) / 3;
        for (var offset = 0; offset < frame.Length; offset += piece)
        {
            if (offset > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            await socket.SendAsync(frame.AsMemory(offset, Math.Min(piece, frame.Length - offset)), SocketFlags.None);
        }

        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var received = new List<byte>();
        var buffer = new byte[4096];
        NonTax.Protocol.Framing.FrameReadResult result;
        do
        {
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(read > 0, $"the edge closed the slow sender's connection after {received.Count} reply bytes");
            received.AddRange(buffer.AsSpan(0, read));
            result = NonTax.Protocol.Framing.FrameReader.Default.TryRead(received.ToArray());
        }
        while (!result.IsComplete);

        var reply = NonTax.Protocol.CnnontaxCodec.Default.Decode(result.Frame!);
        Assert.Equal("00000", reply.Envelope!.First.Voucher.ToFields().Single(f => f.Name == "Result").Value);
    }

    /// <summary>Sockets a test opened, all closed when it ends, whether or not its assertions held: a leaked one keeps an edge slot.</summary>
    private sealed class Sockets : List<Socket>, IDisposable
    {
        public void Dispose()
        {
            foreach (var socket in this)
            {
                socket.Dispose();
            }
        }
    }

    private Task<long> ArchivedFromAsync(string address, char direction) =>
        system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.message_archive WHERE remote_address LIKE $1 AND direction = $2", address + ":%", direction.ToString());

    public static TheoryData<string, string> HostileXml => new()
    {
        {
            "bomb",
            """<?xml version="1.0" encoding="GBK"?><!DOCTYPE CFX [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]><CFX><HEAD><SRC>D3206820105</SRC><Info>&g;</Info></HEAD></CFX>"""
        },
        {
            "external entity",
            """<?xml version="1.0" encoding="GBK"?><!DOCTYPE CFX [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><CFX><HEAD><SRC>D3206820105</SRC><Info>&xxe;</Info></HEAD></CFX>"""
        },
        {
            "external DTD",
            """<?xml version="1.0" encoding="GBK"?><!DOCTYPE CFX SYSTEM "http://127.0.0.1:9/evil.dtd"><CFX><HEAD><SRC>D3206820105</SRC></HEAD></CFX>"""
        },
    };

    [Theory]
    [MemberData(nameof(HostileXml))]
    public async Task Xml_bombs_and_external_entities_are_refused_without_a_reply(string kind, string body)
    {
        var bytes = Encoding.ASCII.GetBytes(body);
        var length = NonTax.Protocol.Framing.FrameLayout.HeaderSize + bytes.Length + NonTax.Protocol.Framing.FrameLayout.MacSize;
        var frame = Encoding.ASCII.GetBytes($"{length,-8}CNNONTAX1.02002").Concat(bytes).Concat(Encoding.ASCII.GetBytes(new string('0', 64))).ToArray();
        const string Hostile = "127.0.0.4";
        var archivedBefore = await ArchivedFromAsync(Hostile, 'I');

        using var socket = await ConnectFromAsync(Hostile);
        await socket.SendAsync(frame, SocketFlags.None);
        Assert.True(await ClosedWithoutReplyAsync(socket), $"{kind}: the edge replied");

        // The frame was read whole, refused as unreadable and archived; nothing went back.
        Assert.True(await Eventually.HoldsAsync(async () => await ArchivedFromAsync(Hostile, 'I') > archivedBefore), $"{kind}: not archived");
        Assert.Equal(0L, await ArchivedFromAsync(Hostile, 'O'));
        await AssertHonestBankServedAsync($"after an {kind}");
    }
}
