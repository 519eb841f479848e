using System.Buffers.Binary;
using InfluenceModel.Internal;

namespace InfluenceModel.Networks;

/// <summary>
/// The expected CRC-32 and length (mod 2³²) of a gzip file's data, from its last eight bytes, and the integrity messages
/// every gzip reader of the library gives (issue 13): the edge-list reader and the GraphML and GML readers.
/// </summary>
/// <param name="Path">The file path (escaped when shown).</param>
/// <param name="Crc">The CRC-32 the trailer promises.</param>
/// <param name="Size">The decompressed length mod 2³² the trailer promises.</param>
/// <param name="Kind">What the file is, as messages name it ("Edge list", "Graph file").</param>
internal sealed record GzipTrailer(string Path, uint Crc, uint Size, string Kind = "Edge list")
{
    /// <summary>The gzip magic and deflate method: 1F 8B 08.</summary>
    public static ReadOnlySpan<byte> Magic => [0x1F, 0x8B, 8];

    /// <summary>Whether <paramref name="file"/> starts with the gzip magic bytes; the position is restored.</summary>
    public static bool StartsWithMagic(FileStream file)
    {
        Span<byte> head = stackalloc byte[3];
        long position = file.Position;
        int got = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        file.Position = position;
        return got == 3 && head.SequenceEqual(Magic);
    }

    /// <summary>Checks the header of <paramref name="file"/> (at position 0) and reads the trailer; the position is left at 0.</summary>
    /// <exception cref="InvalidDataException">The file is empty, not gzip data or too short to hold a header, data and trailer.</exception>
    public static GzipTrailer Read(FileStream file, string path, long length, string kind = "Edge list")
    {
        if (length == 0)
        {
            throw new InvalidDataException($"{kind} '{Escape(path)}' is an empty file (0 bytes), not gzip data.");
        }

        Span<byte> header = stackalloc byte[10];
        int got = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (got < 3 || !header[..3].SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{kind} '{Escape(path)}' is named .gz but is not gzip data (it does not start with the gzip magic bytes 1F 8B 08).");
        }

        // 10-byte header, at least 2 bytes of deflate data, 8-byte trailer.
        if (length < 20)
        {
            throw new InvalidDataException($"{kind} '{Escape(path)}' is truncated: {length} bytes cannot hold a gzip header, data and trailer.");
        }

        Span<byte> tail = stackalloc byte[8];
        file.Seek(-8, SeekOrigin.End);
        file.ReadExactly(tail);
        file.Seek(0, SeekOrigin.Begin);
        return new GzipTrailer(path, BinaryPrimitives.ReadUInt32LittleEndian(tail), BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]), kind);
    }

    /// <summary>The error for data that decompress to another length or CRC than the trailer promises.</summary>
    public InvalidDataException Mismatch(uint crc, long size) => new(
        $"{Kind} '{Escape(Path)}' is truncated or corrupt: its gzip trailer promises {Size} bytes with CRC-32 {Crc:X8}, "
        + $"but the data decompress to {size} bytes with CRC-32 {crc:X8}. Re-download or re-compress the file "
        + "(multi-member gzip, such as bgzip output, is not supported: decompress it or recompress it with gzip).");

    /// <summary>The error for deflate data that cannot be decompressed.</summary>
    public InvalidDataException Corrupt(InvalidDataException inner) =>
        new($"{Kind} '{Escape(Path)}' is corrupt: the gzip data cannot be decompressed ({inner.Message}).", inner);

    private static string Escape(string text) => Printable.Escape(text, 200);
}
