using System.Buffers.Binary;
using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace NonTax.EBills.Rendering;

/// <summary>
/// The CJK font of the bill face, read from a file installed from Debian (never shipped in the
/// repository). <see cref="Load(string, int)"/> checks the file before anything is drawn: it must exist and
/// hold TrueType outlines (PDFsharp embeds those; a CFF-outline font such as Noto Sans CJK does
/// not embed), else <see cref="BillFaceFontException"/> says which file and what to install.
/// </summary>
public sealed class BillFaceFont
{
    private static readonly ConcurrentDictionary<string, BillFaceFont> Loaded = new(StringComparer.Ordinal);
    private static readonly Lock ResolverLock = new();
    private static bool s_resolverSet;

    private BillFaceFont(string path, int index, byte[] bytes)
    {
        Path = path;
        Index = index;
        Bytes = bytes;
        FaceName = $"nontax-billface-{Loaded.Count}-{index}";
    }

    /// <summary>The font file.</summary>
    public string Path { get; }

    /// <summary>The face of a collection.</summary>
    public int Index { get; }

    /// <summary>The name PDFsharp knows this face by (unique per file and face).</summary>
    public string FaceName { get; }

    internal byte[] Bytes { get; }

    /// <summary>The font of these options, loaded once per process and path.</summary>
    public static BillFaceFont Load(BillFaceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Load(options.FontPath, options.FontIndex);
    }

    /// <inheritdoc cref="Load(BillFaceOptions)"/>
    public static BillFaceFont Load(string path, int index = 0)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new BillFaceFontException($"no bill face font configured ({BillFaceOptions.Section}:FontPath); install fonts-wqy-zenhei and use {BillFaceOptions.DefaultFontPath}");
        }

        var key = $"{System.IO.Path.GetFullPath(path)}#{index}";
        if (Loaded.TryGetValue(key, out var font))
        {
            return font;
        }

        lock (ResolverLock)
        {
            if (Loaded.TryGetValue(key, out font))
            {
                return font;
            }

            font = new BillFaceFont(path, index, Read(path, index));
            Loaded[key] = font;
            if (!s_resolverSet)
            {
                GlobalFontSettings.FontResolver = new Resolver();
                s_resolverSet = true;
            }

            return font;
        }
    }

    private static byte[] Read(string path, int index)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BillFaceFontException(
                $"the bill face font {path} cannot be read ({e.Message}); install the Debian package fonts-wqy-zenhei or set {BillFaceOptions.Section}:FontPath", e);
        }

        var face = 0;
        if (bytes.Length >= 12 && Tag(bytes, 0) == "ttcf")
        {
            var count = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8));
            if (index < 0 || index >= count || bytes.Length < 12 + (4 * count))
            {
                throw new BillFaceFontException($"the bill face font {path} holds {count} faces; {BillFaceOptions.Section}:FontIndex {index} is not one of them");
            }

            face = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(12 + (4 * index)));
        }
        else if (index != 0)
        {
            throw new BillFaceFontException($"the bill face font {path} is a single font; {BillFaceOptions.Section}:FontIndex must be 0");
        }

        if (face < 0 || face + 12 > bytes.Length)
        {
            throw new BillFaceFontException($"the bill face font {path} is not a TrueType font");
        }

        if (Tag(bytes, face) == "OTTO")
        {
            throw new BillFaceFontException(
                $"the bill face font {path} has CFF outlines, which PDFsharp cannot embed; use a TrueType CJK font such as fonts-wqy-zenhei ({BillFaceOptions.DefaultFontPath})");
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(face)) != 0x00010000 && Tag(bytes, face) != "true")
        {
            throw new BillFaceFontException($"the bill face font {path} is not a TrueType font");
        }

        try
        {
            return face == 0 && Tag(bytes, 0) != "ttcf" ? bytes : SingleFace(bytes, face);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new BillFaceFontException($"the bill face font {path} is damaged: a table lies outside the file", e);
        }
    }

    /// <summary>
    /// One face of a TrueType collection as a font file of its own (PDFsharp reads single fonts):
    /// its table directory followed by copies of its tables, each at a 4-byte aligned offset.
    /// </summary>
    private static byte[] SingleFace(byte[] collection, int face)
    {
        var tables = BinaryPrimitives.ReadUInt16BigEndian(collection.AsSpan(face + 4));
        var header = 12 + (16 * tables);
        var entries = new (int Record, int Offset, int Length)[tables];
        var size = header;
        for (var t = 0; t < tables; t++)
        {
            var record = face + 12 + (16 * t);
            var offset = BinaryPrimitives.ReadInt32BigEndian(collection.AsSpan(record + 8));
            var length = BinaryPrimitives.ReadInt32BigEndian(collection.AsSpan(record + 12));
            ArgumentOutOfRangeException.ThrowIfNegative(offset);
            ArgumentOutOfRangeException.ThrowIfNegative(length);
            ArgumentOutOfRangeException.ThrowIfGreaterThan((long)offset + length, collection.Length);
            entries[t] = (record, offset, length);
            size += (length + 3) & ~3;
        }

        var font = new byte[size];
        collection.AsSpan(face, header).CopyTo(font);
        var at = header;
        for (var t = 0; t < tables; t++)
        {
            var (_, offset, length) = entries[t];
            collection.AsSpan(offset, length).CopyTo(font.AsSpan(at));
            BinaryPrimitives.WriteInt32BigEndian(font.AsSpan(12 + (16 * t) + 8), at);
            at += (length + 3) & ~3;
        }

        return font;
    }

    private static string Tag(byte[] bytes, int offset) => System.Text.Encoding.ASCII.GetString(bytes, offset, 4);

    /// <summary>Gives PDFsharp the loaded faces by name; bold is simulated (the CJK fonts have one weight).</summary>
    private sealed class Resolver : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            Loaded.Values.FirstOrDefault(f => f.FaceName == familyName) is { } font
                ? new FontResolverInfo(font.FaceName, bold, false)
                : null;

        public byte[]? GetFont(string faceName) =>
            Loaded.Values.FirstOrDefault(f => f.FaceName == faceName)?.Bytes;
    }
}
