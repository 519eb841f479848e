using System.Buffers;
using System.IO.Compression;
using InfluenceModel.Internal;

namespace InfluenceModel.Networks;

/// <summary>
/// A read-only, decompressing view of a gzip file that checks what it decompresses against the file's trailer
/// (<see cref="GzipTrailer"/>: CRC-32 and length), as the edge-list reader does: a mismatch at the end of the data, or
/// deflate data that cannot be decompressed, is an <see cref="InvalidDataException"/> in the trailer's words.
/// </summary>
internal sealed class VerifiedGzipStream(FileStream file, GzipTrailer trailer) : ForwardReadStream
{
    private readonly GZipStream _gzip = new(file, CompressionMode.Decompress, leaveOpen: true);
    private uint _crc = ~0u;
    private long _read;
    private bool _ended;

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        int got;
        try
        {
            got = _gzip.Read(buffer);
        }
        catch (InvalidDataException ex)
        {
            throw trailer.Corrupt(ex);
        }

        _crc = Crc32.Append(_crc, buffer[..got]);
        _read += got;
        if (got == 0 && buffer.Length > 0 && !_ended)
        {
            _ended = true;
            if (Mismatch() is { } mismatch)
            {
                throw mismatch;
            }
        }

        return got;
    }

    /// <summary>
    /// Reads whatever the parser left and returns the integrity error (truncated, corrupt, trailer mismatch), or null
    /// when the data match the trailer.
    /// </summary>
    public InvalidDataException? CheckRest()
    {
        byte[] scratch = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            while (!_ended && Read(scratch) > 0)
            {
            }
        }
        catch (InvalidDataException ex)
        {
            return ex;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }

        return Mismatch();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    private InvalidDataException? Mismatch() =>
        ~_crc != trailer.Crc || (uint)_read != trailer.Size ? trailer.Mismatch(~_crc, _read) : null;
}
