using NonTax.Protocol.Fuzz;
using SharpFuzz;

// afl-fuzz runs this under SharpFuzz (deploy/local/fuzz.sh); `replay DIR…` runs files once each.
if (args is ["replay", .. var directories])
{
    var count = 0;
    foreach (var file in directories.SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories)).Order(StringComparer.Ordinal))
    {
        ProtocolFuzzTarget.Run(File.ReadAllBytes(file));
        count++;
    }

    Console.WriteLine($"replayed {count} inputs through {ProtocolFuzzTarget.VoucherParsers.Count} voucher parsers without an exception");
    return 0;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    ProtocolFuzzTarget.Run(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
});
return 0;
