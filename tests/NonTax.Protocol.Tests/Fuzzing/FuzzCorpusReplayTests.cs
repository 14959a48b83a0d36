using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NonTax.Protocol.Fuzz;

namespace NonTax.Protocol.Tests.Fuzzing;

/// <summary>
/// The quick form of deploy/local/fuzz.sh: every input of the committed seed corpus (and every
/// crash or hang the fuzzer ever saved there) goes through the same fuzz target once, and random
/// mutations of the seeds — bit flips, cuts, splices — go through it too. A decoder that throws
/// on any of them fails the build, not only a fuzzing run.
/// </summary>
public class FuzzCorpusReplayTests
{
    private static readonly string Corpus = Path.Combine(RepositoryRoot(), "tests", "NonTax.Protocol.Fuzz", "corpus");

    private static readonly byte[][] Seeds = Directory.EnumerateFiles(Corpus).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();

    [Fact]
    public void Every_corpus_input_passes_every_decoder_without_an_exception()
    {
        Assert.True(Seeds.Length >= 50, $"corpus at {Corpus} holds {Seeds.Length} inputs");
        foreach (var file in Directory.EnumerateFiles(Corpus).Order(StringComparer.Ordinal))
        {
            var exception = Record.Exception(() => ProtocolFuzzTarget.Run(File.ReadAllBytes(file)));
            Assert.True(exception is null, $"{Path.GetFileName(file)}: {exception}");
        }
    }

    [Fact]
    public void The_target_reaches_every_voucher_parser_and_the_seeds_parse()
    {
        Assert.True(ProtocolFuzzTarget.VoucherParsers.Count >= 30, $"{ProtocolFuzzTarget.VoucherParsers.Count} parsers found");
        // The seeds are real frames: most must decode, or the fuzzer starts from garbage only.
        var decoded = Seeds.Count(s => s.Length > 30 && CnnontaxCodec.Default.TryReadFrame(new System.Buffers.ReadOnlySequence<byte>(s), out _) is { IsComplete: true, Frame: { } frame }
            && CnnontaxCodec.Default.Decode(frame).IsSuccess);
        Assert.True(decoded >= 30, $"only {decoded} seed frames decode");
    }

    public sealed record Mutation(int Seed, int Position, byte Value, int Kind, int Length);

    private static Arbitrary<Mutation> Mutations() =>
        (from seed in Gen.Choose(0, Seeds.Length - 1)
         from position in Gen.Choose(0, 1 << 16)
         from value in Gen.Choose(0, 255)
         from kind in Gen.Choose(0, 4)
         from length in Gen.Choose(1, 64)
         select new Mutation(seed, position, (byte)value, kind, length)).ToArbitrary();

    [Property(MaxTest = 3000)]
    public Property Mutated_seeds_never_make_a_decoder_throw() =>
        Prop.ForAll(Mutations(), m =>
        {
            var input = Mutate(Seeds[m.Seed], m);
            var exception = Record.Exception(() => ProtocolFuzzTarget.Run(input));
            return exception is null;
        });

    private static byte[] Mutate(byte[] seed, Mutation m)
    {
        if (seed.Length == 0)
        {
            return [m.Value];
        }

        var at = m.Position % seed.Length;
        var bytes = seed.ToList();
        switch (m.Kind)
        {
            case 0:
                bytes[at] = m.Value;
                break;
            case 1:
                bytes[at] ^= (byte)(1 << (m.Value % 8));
                break;
            case 2:
                bytes.RemoveRange(at, Math.Min(m.Length, bytes.Count - at));
                break;
            case 3:
                bytes.InsertRange(at, Enumerable.Repeat(m.Value, m.Length));
                break;
            default:
                // Splice another seed's tail in.
                var other = Seeds[(m.Seed + m.Length) % Seeds.Length];
                bytes.RemoveRange(at, bytes.Count - at);
                bytes.AddRange(other.Skip(m.Position % Math.Max(1, other.Length)));
                break;
        }

        return [.. bytes];
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NonTaxGrains.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root (NonTaxGrains.sln) not found.");
    }
}
